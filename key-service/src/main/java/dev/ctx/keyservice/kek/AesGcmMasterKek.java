package dev.ctx.keyservice.kek;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Objects;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a JCA key from any provider: SunJCE for a keystore key, SunPKCS11 for a token key (the cipher then
 * runs inside the token). The IV is always 12 random bytes passed explicitly (SunPKCS11 would pick 16 otherwise).
 */
final class AesGcmMasterKek implements MasterKek {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String kekId;
    private final SecretKey key;
    private final Provider provider;
    private final Runnable onClose;

    AesGcmMasterKek(String kekId, SecretKey key, Provider provider, Runnable onClose) {
        this.kekId = Objects.requireNonNull(kekId, "kekId");
        this.key = Objects.requireNonNull(key, "key");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
    }

    @Override
    public String kekId() {
        return kekId;
    }

    @Override
    public KekCiphertext seal(byte[] plaintext, byte[] aad) {
        byte[] iv = new byte[KekCiphertext.IV_LENGTH];
        RANDOM.nextBytes(iv);
        try {
            return KekCiphertext.of(iv, cipher(Cipher.ENCRYPT_MODE, iv, aad).doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new KekException(
                    "KEK " + kekId + ": seal failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public byte[] open(KekCiphertext ciphertext, byte[] aad) {
        try {
            return cipher(Cipher.DECRYPT_MODE, ciphertext.iv(), aad).doFinal(ciphertext.ciphertext());
        } catch (AEADBadTagException e) {
            throw new KekAuthenticationException(kekId);
        } catch (GeneralSecurityException e) {
            throw new KekException(
                    "KEK " + kekId + ": open failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, byte[] aad) throws GeneralSecurityException {
        Objects.requireNonNull(aad, "aad");
        Cipher cipher = Cipher.getInstance(TRANSFORMATION, provider);
        cipher.init(mode, key, new GCMParameterSpec(KekCiphertext.TAG_LENGTH * 8, iv));
        cipher.updateAAD(aad);
        return cipher;
    }

    @Override
    public void close() {
        onClose.run();
    }

    @Override
    public String toString() {
        return "MasterKek[" + kekId + ", provider=" + provider.getName() + "]";
    }
}
