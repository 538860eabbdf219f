package dev.ctx.envelope;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.envelope.error.UnknownRecipientException;
import dev.ctx.envelope.key.X25519PublicKey;
import dev.ctx.envelope.testing.Fixtures;
import dev.ctx.envelope.testing.Party;

class EnvelopeSealerTest {

    private static final TransactionContext CONTEXT =
            TransactionContext.of("tx-7", Fixtures.SCHEMA, Fixtures.PARTICIPANTS);
    private static final Party MINER = Party.generate("miner-789", 1);

    private final EnvelopeSealer sealer = EnvelopeSealer.create();

    @Test
    void sealRejectsAnEmptyRecipientList() {
        assertThatThrownBy(() -> sealer.seal(Fixtures.confidentialFields(), CONTEXT, List.of()))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tx-7")
                .hasMessageContaining("no recipients");
    }

    @Test
    void sealRejectsARecipientNamedTwice() {
        // Given
        Recipient again = new Recipient(
                "miner-789", 2, Party.generate("miner-789", 2).keys().publicKey());
        // When / Then
        assertThatThrownBy(() -> sealer.seal(Fixtures.confidentialFields(), CONTEXT, List.of(MINER.recipient(), again)))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("miner-789 twice");
    }

    @Test
    void sealRejectsARecipientWhoIsNotAParticipant() {
        // Given
        Recipient outsider = Party.generate("outsider-1", 1).recipient();
        // When / Then
        assertThatThrownBy(() -> sealer.seal(Fixtures.confidentialFields(), CONTEXT, List.of(outsider)))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("outsider-1");
    }

    @Test
    void sealRejectsARecordWhoseSchemaIsNotTheContexts() {
        // Given
        GenericRecord other = new GenericData.Record(
                SchemaBuilder.record("Other").fields().requiredString("x").endRecord());
        other.put("x", "y");
        // When / Then
        assertThatThrownBy(() -> sealer.seal(other, CONTEXT, List.of(MINER.recipient())))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("schema fingerprint")
                .hasMessageContaining("tx-7");
    }

    @Test
    void openRejectsAWriterSchemaThatIsNotTheContexts() {
        // Given
        SealedTransaction sealed = sealer.seal(Fixtures.confidentialFields(), CONTEXT, List.of(MINER.recipient()));
        // When / Then
        assertThatThrownBy(() -> EnvelopeOpener.create()
                        .open(
                                sealed.ciphertext(),
                                sealed.wrapFor("miner-789"),
                                MINER.privateKey(),
                                CONTEXT,
                                SchemaBuilder.record("Other")
                                        .fields()
                                        .requiredString("x")
                                        .endRecord()))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("writer schema");
    }

    @Test
    void sealRejectsALowOrderRecipientKey() {
        // Given: the all-zero u-coordinate gives an all-zero X25519 shared secret
        Recipient lowOrder = new Recipient("miner-789", 1, X25519PublicKey.of(new byte[32]));
        // When / Then
        assertThatThrownBy(() -> sealer.seal(Fixtures.confidentialFields(), CONTEXT, List.of(lowOrder)))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("all-zero");
    }

    @Test
    void askingForTheWrapOfAnAbsentRecipientIsATypedError() {
        // Given
        SealedTransaction sealed = sealer.seal(Fixtures.confidentialFields(), CONTEXT, List.of(MINER.recipient()));
        // When / Then
        assertThatThrownBy(() -> sealed.wrapFor("client-42"))
                .isExactlyInstanceOf(UnknownRecipientException.class)
                .hasMessageContaining("client-42");
    }

    @Test
    void contextRejectsDuplicateParticipantsAndMissingParts() {
        assertThatThrownBy(() -> TransactionContext.of("tx", Fixtures.SCHEMA, List.of("a", "a")))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> TransactionContext.of("tx", Fixtures.SCHEMA, List.of()))
                .isExactlyInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> TransactionContext.of(" ", Fixtures.SCHEMA, List.of("a")))
                .isExactlyInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> TransactionContext.of("tx", new byte[31], List.of("a")))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("32 bytes");
    }
}
