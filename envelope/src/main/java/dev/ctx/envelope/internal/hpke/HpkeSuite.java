package dev.ctx.envelope.internal.hpke;

import java.nio.charset.StandardCharsets;

/**
 * An HPKE cipher suite: DHKEM(X25519, HKDF-SHA256) and HKDF-SHA256 with one AES-GCM AEAD. Immutable; the AEAD id and
 * key length are RFC 9180 §7.3 values.
 */
public enum HpkeSuite {

    /** DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM (RFC 9180 Appendix A.1). */
    X25519_SHA256_AES128GCM(0x0001, 16),
    /** DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM: the suite the envelope library wraps DEKs with. */
    X25519_SHA256_AES256GCM(0x0002, 32);

    /** RFC 9180 KEM id of DHKEM(X25519, HKDF-SHA256). */
    public static final int KEM_ID = 0x0020;
    /** RFC 9180 KDF id of HKDF-SHA256. */
    public static final int KDF_ID = 0x0001;

    private final int aeadId;
    private final int keyLength;
    private final byte[] suiteId;

    HpkeSuite(int aeadId, int keyLength) {
        this.aeadId = aeadId;
        this.keyLength = keyLength;
        this.suiteId = suiteId(aeadId);
    }

    private static byte[] suiteId(int aeadId) {
        byte[] hpke = "HPKE".getBytes(StandardCharsets.US_ASCII);
        return new byte[] {hpke[0], hpke[1], hpke[2], hpke[3], 0, (byte) KEM_ID, 0, (byte) KDF_ID, 0, (byte) aeadId};
    }

    /** RFC 9180 AEAD id. */
    public int aeadId() {
        return aeadId;
    }

    /** AEAD key length {@code Nk} in bytes. */
    public int keyLength() {
        return keyLength;
    }

    byte[] suiteId() {
        return suiteId;
    }
}
