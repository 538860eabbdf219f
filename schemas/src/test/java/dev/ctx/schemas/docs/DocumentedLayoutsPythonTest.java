package dev.ctx.schemas.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.KeyRef;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.schemas.serde.TestRecords;

/**
 * An independent-language check of the layout pages under {@code docs/}: a Python 3 decoder written from the docs
 * alone (no Avro library, no crypto) reads the golden files to exactly the values our Java code wrote into them.
 */
class DocumentedLayoutsPythonTest {

    @BeforeEach
    void requirePython() throws InterruptedException {
        PythonDecoder.requireInstalled();
    }

    @Test
    void theEncryptedTransactionGoldenFileDecodesFromTheDocsToTheRecordThatWroteIt() throws Exception {
        // Given
        EncryptedTransaction expected = TestRecords.encryptedTransaction();

        // When
        JsonNode decoded = PythonDecoder.decode(
                "encrypted-transaction", "schemas/src/test/resources/golden/encrypted-transaction-v2.hex");

        // Then
        assertThat(decoded.get("schemaId").asInt()).isEqualTo(TestRecords.GOLDEN_SCHEMA_ID);
        assertThat(decoded.get("transactionId").asText()).isEqualTo(expected.getTransactionId());
        assertThat(decoded.get("jobId").asText()).isEqualTo(expected.getJobId());
        assertThat(decoded.get("timestamp").asText())
                .isEqualTo(expected.getTimestamp().toString());
        assertThat(decoded.get("status").asText())
                .isEqualTo(expected.getStatus().name());
        assertThat(decoded.get("currency").asText()).isEqualTo(expected.getCurrency());
        assertThat(decoded.get("participants").toString()).isEqualTo("[\"client-1\",\"miner-9\"]");
        assertThat(decoded.at("/accessPolicy/allowedPurposes").toString()).isEqualTo("[\"audit\"]");
        JsonNode sealed = decoded.get("sealed");
        assertThat(sealed.get("ciphertext").asText())
                .isEqualTo(hex(expected.getSealed().getCiphertext()));
        assertThat(sealed.get("schemaFingerprint").asText())
                .isEqualTo(hex(expected.getSealed().getSchemaFingerprint()));
        assertThat(sealed.get("sealId").asText())
                .isEqualTo(hex(expected.getSealed().getSealId()));
        KeyRef escrow = expected.getSealed().getKeyRefs().get(1);
        assertThat(sealed.at("/keyRefs/1/participantId").asText()).isEqualTo(escrow.getParticipantId());
        assertThat(sealed.at("/keyRefs/1/keyVersion").asInt()).isEqualTo(escrow.getKeyVersion());
        assertThat(decoded.get("clear").isNull()).isTrue();
    }

    @Test
    void theEnvelopeGoldenFileDecodesFromTheDocsToTheRecordThatWroteIt() throws Exception {
        // Given
        Envelope expected = TestRecords.envelope();

        // When
        JsonNode decoded = PythonDecoder.decode("envelope", "schemas/src/test/resources/golden/envelope-v2.hex");

        // Then
        assertThat(decoded.get("generation").asInt()).isEqualTo(expected.getGeneration());
        assertThat(decoded.get("createdAt").asText())
                .isEqualTo(expected.getCreatedAt().toString());
        assertThat(decoded.get("wraps")).hasSize(2);
        for (int i = 0; i < 2; i++) {
            RecipientWrap wrap = expected.getWraps().get(i);
            assertThat(decoded.at("/wraps/" + i + "/recipientId").asText()).isEqualTo(wrap.getRecipientId());
            assertThat(decoded.at("/wraps/" + i + "/recipientType").asText())
                    .isEqualTo(wrap.getRecipientType().name());
            assertThat(decoded.at("/wraps/" + i + "/keyVersion").asInt()).isEqualTo(wrap.getKeyVersion());
            assertThat(decoded.at("/wraps/" + i + "/wrap").asText()).isEqualTo(hex(wrap.getWrap()));
        }
        assertThat(decoded.get("sealId").asText()).isEqualTo(hex(expected.getSealId()));
    }

    @Test
    void theCustodyRecordGoldenFileDecodesFromTheDocs() throws IOException, InterruptedException {
        // When
        JsonNode decoded =
                PythonDecoder.decode("custody-record", "key-service/src/test/resources/golden/custody-record-v1.hex");

        // Then: the values CustodyRecordFormatV1Test writes (participant alice, keys v1 and v2)
        assertThat(decoded.get("participantId").asText()).isEqualTo("alice");
        assertThat(decoded.at("/keys/0/keyVersion").asInt()).isEqualTo(1);
        assertThat(decoded.at("/keys/0/kekId").asText()).isEqualTo("pkcs12:master");
        assertThat(decoded.at("/keys/0/iv").asText()).isEqualTo("11".repeat(12));
        assertThat(decoded.at("/keys/0/ciphertext").asText()).isEqualTo("a1".repeat(32));
        assertThat(decoded.at("/keys/1/keyVersion").asInt()).isEqualTo(2);
        assertThat(decoded.at("/keys/1/kekId").asText()).isEqualTo("pkcs11:master");
        assertThat(decoded.at("/keys/1/tag").asText()).isEqualTo("b2".repeat(16));
    }

    @Test
    void theCustodyRecordV2GoldenFileDecodesFromTheDocs() throws IOException, InterruptedException {
        // When
        JsonNode decoded =
                PythonDecoder.decode("custody-record", "key-service/src/test/resources/golden/custody-record-v2.hex");

        // Then: the values CustodyRecordFormatV2Test writes (alice, sealed v1, participant-held v2 and v3)
        assertThat(decoded.get("version").asInt()).isEqualTo(2);
        assertThat(decoded.get("participantId").asText()).isEqualTo("alice");
        assertThat(decoded.get("keys")).hasSize(1);
        assertThat(decoded.at("/keys/0/keyVersion").asInt()).isEqualTo(1);
        assertThat(decoded.at("/keys/0/ciphertext").asText()).isEqualTo("a1".repeat(32));
        assertThat(decoded.get("participantHeldVersions").toString()).isEqualTo("[2,3]");
    }

    @Test
    void theEnvelopeCommandGoldenFileDecodesFromTheDocs() throws IOException, InterruptedException {
        // When
        JsonNode decoded = PythonDecoder.decode(
                "envelope-command", "schemas/src/test/resources/golden/envelope-command-v1-revoke.hex");

        // Then: the command EnvelopeCommandFormatV1Test writes
        assertThat(decoded.get("kind").asText()).isEqualTo("REVOKE_ACCESS");
        assertThat(decoded.get("commandId").asText()).isEqualTo("00112233-4455-6677-8899-aabbccddeeff");
        assertThat(decoded.get("issuedAt").asText()).isEqualTo("2026-06-01T12:00:00Z");
        assertThat(decoded.get("transactionId").asText()).isEqualTo("txn-1");
        assertThat(decoded.get("participantId").asText()).isEqualTo("miner-1");
        assertThat(decoded.get("requester").asText()).isEqualTo("ops-1");
        assertThat(decoded.get("reason").asText()).isEqualTo("contract ended");
    }

    @Test
    void theEscrowRequestGoldenFileDecodesFromTheDocs() throws IOException, InterruptedException {
        // When
        JsonNode decoded =
                PythonDecoder.decode("escrow-request", "schemas/src/test/resources/golden/escrow-request-v1.hex");

        // Then: the record GoldenBytesTest writes (TestRecords.escrowRequest)
        assertThat(decoded.get("schemaId").asInt()).isEqualTo(TestRecords.GOLDEN_SCHEMA_ID);
        assertThat(decoded.get("requestId").asText()).isEqualTo("00000000-0000-0000-0000-000000000003");
        assertThat(decoded.get("transactionIds").toString()).isEqualTo("[\"txn-1\"]");
        assertThat(decoded.get("authorizationReference").asText()).isEqualTo("CO-2026-17");
        assertThat(decoded.get("requestedAt").asText()).isEqualTo("2026-01-02T03:04:05.678Z");
        assertThat(decoded.get("state").asText()).isEqualTo("OPENED");
        assertThat(decoded.at("/approvals/1/officer").asText()).isEqualTo("officer-2");
        assertThat(decoded.at("/approvals/1/approvedAt").asText()).isEqualTo("2026-01-04T00:00:00.000Z");
        assertThat(decoded.get("closedBy").isNull()).isTrue();
        assertThat(decoded.get("maxOpens").asInt()).isEqualTo(1);
        assertThat(decoded.get("opens").asInt()).isEqualTo(1);
        assertThat(decoded.get("lastOpenedAt").asText()).isEqualTo("2026-01-05T00:00:00.000Z");
    }

    @Test
    void theViewEntryGoldenFileDecodesFromTheDocs() throws IOException, InterruptedException {
        // When
        JsonNode decoded =
                PythonDecoder.decode("view-entry", "key-service/src/test/resources/golden/view-entry-v1-found.hex");

        // Then: the entry ViewEntryFormatV1Test writes (a record and a generation-2 envelope, both framed)
        assertThat(decoded.get("shredded").asBoolean()).isFalse();
        assertThat(decoded.get("generation").asInt()).isEqualTo(2);
        assertThat(decoded.at("/record/schemaId").asInt()).isEqualTo(0x01020304);
        assertThat(decoded.at("/record/avro").asText()).isEqualTo("c1".repeat(4));
        assertThat(decoded.at("/envelope/schemaId").asInt()).isEqualTo(0x01020305);
        assertThat(decoded.at("/envelope/avro").asText()).isEqualTo("e2".repeat(3));
    }

    @Test
    void theV2CiphertextAndWrapGoldenFilesSplitAtTheDocumentedOffsets() throws IOException, InterruptedException {
        // When
        JsonNode ciphertext =
                PythonDecoder.decode("ciphertext", "envelope/src/test/resources/golden/v2/ciphertext.hex");
        JsonNode wrap = PythonDecoder.decode("wrap", "envelope/src/test/resources/golden/v2/wrap-client-42.hex");

        // Then: the fixed inputs of envelope/src/test/resources/golden/v2/inputs.properties
        assertThat(ciphertext.get("version").asInt()).isEqualTo(2);
        assertThat(ciphertext.get("sealId").asText()).isEqualTo("5e1d0123456789abcdeffedcba987654");
        assertThat(ciphertext.get("nonce").asText()).isEqualTo("a1a2a3a4a5a6a7a8a9aaabac");
        assertThat(wrap.get("version").asInt()).isEqualTo(2);
        assertThat(wrap.get("sealId").asText())
                .isEqualTo(ciphertext.get("sealId").asText());
        assertThat(wrap.get("enc").asText()).hasSize(64);
    }

    private static String hex(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
