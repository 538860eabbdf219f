package dev.ctx.envelope.internal;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.ctx.envelope.error.CryptoProviderException;

/**
 * HMAC-SHA256 on one JDK {@link Mac} per thread (never {@code getInstance} per operation). Thread-safe.
 * Note: {@link SecretKeySpec} copies the key and cannot be zeroed on JDK 17; the copy is garbage after the call.
 */
public final class HmacSha256 {

    /** Output length in bytes. */
    public static final int LENGTH = 32;

    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(HmacSha256::newMac);

    private HmacSha256() {}

    /** Returns this thread's {@link Mac}, keyed with {@code key}; the caller feeds it and calls {@code doFinal}. */
    public static Mac keyedWith(byte[] key) {
        Mac mac = MAC.get();
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new CryptoProviderException("HmacSHA256 refused a " + key.length + "-byte key", e);
        }
        return mac;
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new CryptoProviderException("the JDK provides no HmacSHA256", e);
        }
    }
}
