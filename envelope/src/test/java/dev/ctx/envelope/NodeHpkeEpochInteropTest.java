package dev.ctx.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.ctx.envelope.format.ContextEncoding;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.internal.AvroBinary;
import dev.ctx.envelope.testing.Fixtures;
import dev.ctx.envelope.testing.Party;

/**
 * A non-Java HPKE implementation, {@code @hpke/core} with {@code @hpke/dhkem-x25519} under Node, opens the epoch wraps
 * of one epoch from what the layout and docs/envelope-format.md give it: {@code enc}, the epoch info, each wrap's aad
 * and sequence number. Skipped without Node unless {@code CTX_REQUIRE_NODE=1}.
 */
class NodeHpkeEpochInteropTest {

    private static final HexFormat HEX = HexFormat.of();

    @BeforeEach
    void node() throws Exception {
        NodeHpke.requireInstalled();
    }

    @Test
    void hpkeCoreOpensEveryEpochWrapOfAnEpochAndItsDeksOpenThePayloads() throws Exception {
        // Given
        Party miner = Party.generate("miner-789", 3);
        List<Recipient> recipients = List.of(
                Party.generate("client-42", 1).recipient(),
                miner.recipient(),
                Party.generate(Recipient.ESCROW_ID, 1).recipient());
        EnvelopeSealer sealer = EnvelopeSealer.createEpoch(EpochPolicy.defaults());
        int count = 4;
        TransactionContext[] contexts = new TransactionContext[count];
        SealedTransaction[] sealed = new SealedTransaction[count];
        StringBuilder wraps = new StringBuilder();
        for (int i = 0; i < count; i++) {
            contexts[i] = TransactionContext.of("tx-node-" + i, Fixtures.SCHEMA, Fixtures.PARTICIPANTS);
            sealed[i] = sealer.seal(Fixtures.confidentialFields("node " + i), contexts[i], recipients);
            DekWrap wrap = DekWrap.parse(
                    miner.id(),
                    miner.keyVersion(),
                    sealed[i].wrapFor(miner.id()).toBytes());
            byte[] aad = ContextEncoding.epochWrapAad(
                    miner.id(), miner.keyVersion(), contexts[i].aad(wrap.version(), sealed[i].sealId()));
            wraps.append(i == 0 ? "" : ",")
                    .append("{\"seq\":")
                    .append(wrap.sequence())
                    .append(",\"aad\":\"")
                    .append(HEX.formatHex(aad))
                    .append("\",\"sealedDek\":\"")
                    .append(HEX.formatHex(wrap.sealedDek()))
                    .append("\"}");
        }
        DekWrap first = sealed[0].wrapFor(miner.id());
        String input = "{\"privateKey\":\""
                + HEX.formatHex(miner.keys().privateKey().exposeSecretBytesForCustodySealing()) + "\",\"info\":\""
                + HEX.formatHex(
                        ContextEncoding.epochInfo(first.epochId().orElseThrow(), miner.id(), miner.keyVersion()))
                + "\",\"enc\":\"" + HEX.formatHex(first.enc()) + "\",\"wraps\":[" + wraps + "]}";
        Path file = Files.createTempFile("epoch-wraps", ".json");
        Files.writeString(file, input, StandardCharsets.UTF_8);
        // When
        List<String> deks = NodeHpke.interop(file.toAbsolutePath().toString());
        Files.delete(file);
        // Then
        assertThat(deks).hasSize(count);
        for (int i = 0; i < count; i++) {
            Dek dek = Dek.forDecryption(HEX.parseHex(deks.get(i)));
            byte[] ciphertext = sealed[i].ciphertext().ciphertext();
            byte[] plaintext = dek.decrypt(
                    sealed[i].ciphertext().nonce(),
                    contexts[i].aad(sealed[i].ciphertext().version(), sealed[i].sealId()),
                    ciphertext,
                    0,
                    ciphertext.length,
                    "test");
            assertThat(plaintext).isEqualTo(AvroBinary.write(Fixtures.confidentialFields("node " + i)));
        }
    }
}
