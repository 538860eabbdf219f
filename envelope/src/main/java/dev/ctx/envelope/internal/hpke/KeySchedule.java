package dev.ctx.envelope.internal.hpke;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import dev.ctx.envelope.internal.AesGcm;
import dev.ctx.envelope.internal.HmacSha256;

/** RFC 9180 §4.1 {@code ExtractAndExpand} and §5.1 {@code KeySchedule} for base mode (no PSK). */
final class KeySchedule {

    private static final byte MODE_BASE = 0x00;
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] EAE_PRK = Labeled.ascii("eae_prk");
    private static final byte[] SHARED_SECRET = Labeled.ascii("shared_secret");
    private static final byte[] PSK_ID_HASH = Labeled.ascii("psk_id_hash");
    private static final byte[] INFO_HASH = Labeled.ascii("info_hash");
    private static final byte[] SECRET = Labeled.ascii("secret");
    private static final byte[] KEY = Labeled.ascii("key");
    private static final byte[] BASE_NONCE = Labeled.ascii("base_nonce");
    private static final Map<HpkeSuite, byte[]> PSK_ID_HASHES = pskIdHashes();

    private KeySchedule() {}

    /** DHKEM {@code ExtractAndExpand(dh, enc || pkRm)}; zeroes nothing, the caller owns {@code dh}. */
    static byte[] sharedSecret(byte[] dh, byte[] kemContext) {
        byte[] eaePrk = Labeled.extract(EMPTY, Labeled.KEM_SUITE_ID, EAE_PRK, dh);
        byte[] sharedSecret =
                Labeled.expand(eaePrk, Labeled.KEM_SUITE_ID, SHARED_SECRET, kemContext, HmacSha256.LENGTH);
        Arrays.fill(eaePrk, (byte) 0);
        return sharedSecret;
    }

    /** {@code key_schedule_context = mode || psk_id_hash || info_hash}. */
    static byte[] context(HpkeSuite suite, byte[] info) {
        byte[] infoHash = Labeled.extract(EMPTY, suite.suiteId(), INFO_HASH, info);
        byte[] context = new byte[1 + 2 * HmacSha256.LENGTH];
        context[0] = MODE_BASE;
        System.arraycopy(PSK_ID_HASHES.get(suite), 0, context, 1, HmacSha256.LENGTH);
        System.arraycopy(infoHash, 0, context, 1 + HmacSha256.LENGTH, HmacSha256.LENGTH);
        return context;
    }

    /** {@code secret = LabeledExtract(shared_secret, "secret", psk = "")}. */
    static byte[] secret(HpkeSuite suite, byte[] sharedSecret) {
        return Labeled.extract(sharedSecret, suite.suiteId(), SECRET, EMPTY);
    }

    static byte[] key(HpkeSuite suite, byte[] secret, byte[] context) {
        return Labeled.expand(secret, suite.suiteId(), KEY, context, suite.keyLength());
    }

    static byte[] baseNonce(HpkeSuite suite, byte[] secret, byte[] context) {
        return Labeled.expand(secret, suite.suiteId(), BASE_NONCE, context, AesGcm.NONCE_LENGTH);
    }

    /** Runs the whole base-mode schedule and zeroes the shared secret's derivatives it no longer needs. */
    static HpkeContext derive(HpkeSuite suite, byte[] sharedSecret, byte[] info, byte[] enc) {
        byte[] context = context(suite, info);
        byte[] secret = secret(suite, sharedSecret);
        HpkeContext result =
                new HpkeContext(suite, enc, key(suite, secret, context), baseNonce(suite, secret, context));
        Arrays.fill(secret, (byte) 0);
        return result;
    }

    private static Map<HpkeSuite, byte[]> pskIdHashes() {
        Map<HpkeSuite, byte[]> hashes = new EnumMap<>(HpkeSuite.class);
        for (HpkeSuite suite : HpkeSuite.values()) {
            hashes.put(suite, Labeled.extract(EMPTY, suite.suiteId(), PSK_ID_HASH, EMPTY));
        }
        return hashes;
    }
}
