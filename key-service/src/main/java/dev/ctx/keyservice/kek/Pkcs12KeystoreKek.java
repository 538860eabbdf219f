package dev.ctx.keyservice.kek;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Security;
import java.util.Arrays;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.security.auth.DestroyFailedException;

/**
 * The master KEK as an AES-256 secret-key entry in a PKCS#12 keystore file: the embedded default for development and
 * single-node setups. The keystore password comes from an environment variable or a file, never from the repository.
 */
public final class Pkcs12KeystoreKek {

    private static final String TYPE = "PKCS12";

    private Pkcs12KeystoreKek() {}

    /**
     * Loads the KEK entry {@code alias} from {@code file}. The password array is zeroed before returning.
     *
     * @throws KekException if the file, password or entry is wrong
     */
    public static MasterKek open(Path file, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(TYPE);
            store.load(in, password);
            return new AesGcmMasterKek(
                    "pkcs12:" + alias, aesKey(store, alias, password), Security.getProvider("SunJCE"), () -> {});
        } catch (IOException | GeneralSecurityException e) {
            throw new KekException(
                    "cannot load KEK '" + alias + "' from keystore " + file.getFileName() + " ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static SecretKey aesKey(KeyStore store, String alias, char[] password) throws GeneralSecurityException {
        if (!(store.getKey(alias, password) instanceof SecretKey key) || !"AES".equalsIgnoreCase(key.getAlgorithm())) {
            throw new KekException("keystore has no AES secret key under alias '" + alias + "'");
        }
        return key;
    }

    /**
     * Provisioning: creates {@code file} holding a fresh random AES-256 KEK under {@code alias}. Fails if the file
     * exists. The password array is zeroed before returning.
     */
    public static void createWithNewKey(Path file, char[] password, String alias) {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            KeyStore store = KeyStore.getInstance(TYPE);
            store.load(null, password);
            SecretKey key = newAes256Key();
            store.setEntry(alias, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password));
            store.store(out, password);
            tryDestroy(key);
        } catch (IOException | GeneralSecurityException e) {
            throw new KekException(
                    "cannot create KEK keystore " + file.getFileName() + " ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static SecretKey newAes256Key() throws GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        return generator.generateKey();
    }

    private static void tryDestroy(SecretKey key) {
        try {
            key.destroy();
        } catch (DestroyFailedException e) {
            // SecretKeySpec cannot be destroyed on JDK 17; the object is unreachable from here on.
        }
    }
}
