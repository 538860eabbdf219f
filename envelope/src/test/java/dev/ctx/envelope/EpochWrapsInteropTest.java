package dev.ctx.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.junit.jupiter.api.Test;

import dev.ctx.envelope.format.ContextEncoding;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.testing.Fixtures;
import dev.ctx.envelope.testing.Party;

/**
 * BouncyCastle's HPKE opens epoch wraps from what the layout carries and docs/envelope-format.md specifies:
 * {@code enc}, the epoch info, the per-wrap aad and the sequence number. BouncyCastle's context keeps its own sequence
 * number, so to open sequence number N it opens N earlier wraps first (in a real consumer, the earlier wraps of the
 * epoch).
 */
class EpochWrapsInteropTest {

    private static final HPKE BC =
            new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);

    @Test
    void bouncyCastleOpensEveryEpochWrapOfAnEpochGivenEncInfoAadAndSequence() throws Exception {
        // Given
        Party miner = Party.generate("miner-789", 3);
        List<Recipient> recipients = List.of(
                miner.recipient(),
                Party.generate("client-42", 1).recipient(),
                Party.generate("settlement-7", 1).recipient());
        EnvelopeSealer sealer = EnvelopeSealer.createEpoch(EpochPolicy.defaults());
        TransactionContext[] contexts = new TransactionContext[4];
        DekWrap[] wraps = new DekWrap[4];
        SealedTransaction[] sealed = new SealedTransaction[4];
        for (int i = 0; i < 4; i++) {
            contexts[i] = TransactionContext.of("tx-bc-" + i, Fixtures.SCHEMA, Fixtures.PARTICIPANTS);
            sealed[i] = sealer.seal(Fixtures.confidentialFields(), contexts[i], recipients);
            wraps[i] = sealed[i].wrapFor(miner.id());
        }
        byte[] info = ContextEncoding.epochInfo(wraps[0].epochId().orElseThrow(), miner.id(), miner.keyVersion());
        AsymmetricCipherKeyPair bcKey = BC.deserializePrivateKey(
                miner.keys().privateKey().exposeSecretBytesForCustodySealing(),
                miner.keys().publicKey().bytes());
        // When
        HPKEContext bc = BC.setupBaseR(wraps[0].enc(), bcKey, info);
        // Then
        for (int i = 0; i < 4; i++) {
            assertThat(wraps[i].sequence()).isEqualTo(i);
            byte[] aad = ContextEncoding.epochWrapAad(
                    miner.id(), miner.keyVersion(), contexts[i].aad(wraps[i].version(), sealed[i].sealId()));
            byte[] dek = bc.open(aad, wraps[i].sealedDek());
            assertThat(dek).hasSize(Dek.LENGTH);
            Dek handle = Dek.forDecryption(dek);
            byte[] ciphertext = sealed[i].ciphertext().ciphertext();
            assertThat(handle.decrypt(
                            sealed[i].ciphertext().nonce(),
                            contexts[i].aad(wraps[i].version(), sealed[i].sealId()),
                            ciphertext,
                            0,
                            ciphertext.length,
                            "test"))
                    .isNotEmpty();
        }
    }
}
