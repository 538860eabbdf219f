package dev.ctx.keyservice.kek;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * The master KEK as a non-extractable AES-256 key in a PKCS#11 token (SunPKCS11; SoftHSM2 in development and CI).
 * Sealing and opening run inside the token.
 *
 * <p>A key the token would release is refused with an {@link ExtractableKekException}: the token must report
 * {@code CKA_EXTRACTABLE = false} and, where it reports the attribute, {@code CKA_NEVER_EXTRACTABLE = true}. A
 * sensitive key ({@code getEncoded() == null}) can still be extractable, wrapped under another key, so the attributes
 * are read from the token itself ({@link TokenAttributes}); that needs the JVM option {@value #JVM_OPTION}, and without
 * it every PKCS#11 KEK is refused (fail closed).
 */
public final class Pkcs11Kek {

    /** The JVM option a key service with a PKCS#11 KEK must run with (set in bin/ctx and the container image). */
    public static final String JVM_OPTION = TokenAttributes.JVM_OPTION;

    private static final String KEYSTORE_TYPE = "PKCS11";
    /**
     * One SunPKCS11 provider per token config in this JVM: several instances on one slot invalidate each other's keys.
     */
    private static final Map<Path, Provider> PROVIDERS = new ConcurrentHashMap<>();

    private Pkcs11Kek() {}

    /**
     * Configures SunPKCS11 from {@code configFile}, logs in with {@code pin} and loads the key labelled {@code alias}.
     * The PIN array is zeroed before returning.
     *
     * @throws ExtractableKekException if the token does not vouch that the key is non-extractable
     * @throws KekException if the token, PIN or key is wrong
     */
    public static MasterKek open(Path configFile, char[] pin, String alias) {
        Provider provider = configure(configFile);
        try {
            KeyStore token = login(provider, pin);
            SecretKey key = nonExtractableAesKey(token, alias);
            KeyProtection.requireNonExtractable(alias, TokenAttributes.secretKeysLabelled(configFile, alias));
            return new AesGcmMasterKek("pkcs11:" + alias, key, provider, () -> {});
        } catch (GeneralSecurityException | IOException e) {
            throw new KekException(
                    "cannot load KEK '" + alias + "' from the PKCS#11 token ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /**
     * Provisioning: generates an AES-256 key in the token and stores it as a token object labelled {@code alias}. The
     * config file should carry {@code attributes(generate, CKO_SECRET_KEY, CKK_AES) = { CKA_SENSITIVE = true
     * CKA_EXTRACTABLE = false }} so the key is born non-extractable. The PIN array is zeroed before returning.
     */
    public static void generateKey(Path configFile, char[] pin, String alias) {
        Provider provider = configure(configFile);
        try {
            KeyStore token = login(provider, pin);
            KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
            generator.init(256);
            token.setEntry(alias, new KeyStore.SecretKeyEntry(generator.generateKey()), null);
        } catch (GeneralSecurityException | IOException e) {
            throw new KekException(
                    "cannot generate KEK '" + alias + "' in the PKCS#11 token ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private static Provider configure(Path configFile) {
        return PROVIDERS.computeIfAbsent(configFile.toAbsolutePath().normalize(), Pkcs11Kek::newProvider);
    }

    private static Provider newProvider(Path configFile) {
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new KekException("the SunPKCS11 provider is not available in this JDK");
        }
        try {
            return base.configure(configFile.toAbsolutePath().toString());
        } catch (RuntimeException e) {
            throw new KekException(
                    "cannot configure SunPKCS11 from " + configFile.getFileName() + " (" + e.getMessage() + ")", e);
        }
    }

    private static KeyStore login(Provider provider, char[] pin) throws GeneralSecurityException, IOException {
        KeyStore token = KeyStore.getInstance(KEYSTORE_TYPE, provider);
        token.load(null, pin);
        return token;
    }

    private static SecretKey nonExtractableAesKey(KeyStore token, String alias) throws GeneralSecurityException {
        if (!(token.getKey(alias, null) instanceof SecretKey key) || !"AES".equalsIgnoreCase(key.getAlgorithm())) {
            throw new KekException("the token has no AES secret key labelled '" + alias + "'");
        }
        if (key.getEncoded() != null) {
            throw new ExtractableKekException(
                    alias,
                    ExtractableKekException.Reason.EXTRACTABLE,
                    "the token's key '" + alias + "' releases its value; a master KEK must be non-extractable");
        }
        return key;
    }
}
