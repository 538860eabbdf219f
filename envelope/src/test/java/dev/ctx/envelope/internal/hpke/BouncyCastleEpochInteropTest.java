package dev.ctx.envelope.internal.hpke;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.junit.jupiter.api.Test;

import dev.ctx.envelope.key.X25519KeyPair;

/**
 * Multi-shot (RFC 9180 §5.2) interop with BouncyCastle's independent {@link HPKE}: BouncyCastle's recipient context
 * opens our sender context's messages in sequence order, and our recipient context opens any sequence number of
 * BouncyCastle's sender directly ({@link HpkeContext#openAt}). The envelope-level test of epoch wraps is
 * {@code dev.ctx.envelope.EpochWrapsInteropTest}.
 */
class BouncyCastleEpochInteropTest {

    private static final HPKE BC =
            new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    private static final Hpke OURS = Hpke.of(HpkeSuite.X25519_SHA256_AES256GCM);
    private static final byte[] INFO = "ctx epoch info".getBytes(StandardCharsets.UTF_8);

    @Test
    void bouncyCastleOpensEverySequenceNumberOfOurSenderContext() throws Exception {
        // Given
        X25519KeyPair recipient = X25519KeyPair.generate();
        X25519KeyPair ephemeral = X25519KeyPair.generate();
        HpkeContext sender = OURS.setupBaseS(ephemeral, recipient.publicKey(), INFO);
        byte[][] sealed = new byte[5][];
        for (int seq = 0; seq < sealed.length; seq++) {
            sealed[seq] = sender.seal(aad(seq), dek(seq));
        }
        // When
        HPKEContext bcRecipient = BC.setupBaseR(sender.enc(), bc(recipient), INFO);
        // Then
        for (int seq = 0; seq < sealed.length; seq++) {
            assertThat(bcRecipient.open(aad(seq), sealed[seq])).as("seq " + seq).isEqualTo(dek(seq));
        }
    }

    @Test
    void weOpenAnySequenceNumberOfBouncyCastlesSenderContextDirectly() throws Exception {
        // Given
        X25519KeyPair recipient = X25519KeyPair.generate();
        HPKEContextWithEncapsulation bcSender =
                BC.setupBaseS(BC.deserializePublicKey(recipient.publicKey().bytes()), INFO);
        byte[][] sealed = new byte[6][];
        for (int seq = 0; seq < sealed.length; seq++) {
            sealed[seq] = bcSender.seal(aad(seq), dek(seq));
        }
        // When
        HpkeContext ours = OURS.setupBaseR(bcSender.getEncapsulation(), recipient.privateKey(), INFO);
        // Then
        for (int seq : new int[] {5, 0, 3, 1, 4, 2}) {
            assertThat(ours.openAt(seq, aad(seq), sealed[seq])).as("seq " + seq).isEqualTo(dek(seq));
        }
    }

    static byte[] aad(int seq) {
        return ("aad of transaction " + seq).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] dek(int seq) {
        byte[] dek = new byte[32];
        dek[0] = (byte) seq;
        return dek;
    }

    private static AsymmetricCipherKeyPair bc(X25519KeyPair pair) {
        return BC.deserializePrivateKey(
                pair.privateKey().exposeSecretBytesForCustodySealing(),
                pair.publicKey().bytes());
    }
}
