package dev.ctx.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessGrant;
import dev.ctx.schemas.access.EscrowRequest;
import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.SealedAccessEvent;
import dev.ctx.schemas.confidential.ConfidentialFields;
import dev.ctx.schemas.dlq.DeadLetter;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.receipts.Receipt;
import dev.ctx.schemas.transaction.Transaction;

/**
 * The evolution gate (see {@code schemas/EVOLUTION.md}): every top-level record schema must read all its committed
 * snapshots (BACKWARD, transitively) and must equal its latest snapshot, so any change adds a new snapshot. The
 * sealed record ({@code ConfidentialFields}, derived from Transaction) is gated too: it lives on inside ciphertexts.
 */
class SchemaHistoryTest {

    private static final Path CANDIDATES = Path.of("target/schema-history-candidates");

    static Stream<Schema> currentSchemas() {
        return Stream.of(
                Transaction.getClassSchema(),
                EncryptedTransaction.getClassSchema(),
                Envelope.getClassSchema(),
                AccessEvent.getClassSchema(),
                ParticipantKeyring.getClassSchema(),
                DeadLetter.getClassSchema(),
                ConfidentialFields.ofTransaction().schema(),
                AccessGrant.getClassSchema(),
                SealedAccessEvent.getClassSchema(),
                AccessLogCheckpoint.getClassSchema(),
                EscrowRequest.getClassSchema(),
                Receipt.getClassSchema());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemasByName")
    void currentSchemaReadsEveryCommittedSnapshot(String name, Schema current) {
        // Given
        List<SchemaHistory.Snapshot> snapshots = new SchemaHistory(name).snapshots();
        // When
        List<String> problems = SchemaHistory.backwardProblems(current, snapshots);
        // Then
        assertThat(snapshots)
                .as("no snapshot for %s: commit its schema as %s/v1.avsc", name, new SchemaHistory(name).directory())
                .isNotEmpty();
        assertThat(problems)
                .as(
                        "%s is not BACKWARD compatible with its history. Old records on the topics could no"
                                + " longer be read. Give every new field a default, "
                                + "never change a field's type incompatibly,"
                                + " never remove an enum symbol without a default (EVOLUTION.md)",
                        name)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemasByName")
    void currentSchemaEqualsItsLatestSnapshot(String name, Schema current) throws IOException {
        // Given
        List<SchemaHistory.Snapshot> snapshots = new SchemaHistory(name).snapshots();
        int latestVersion =
                snapshots.isEmpty() ? 0 : snapshots.get(snapshots.size() - 1).version();
        // When
        boolean unchanged = !snapshots.isEmpty()
                && snapshots.get(snapshots.size() - 1).schema().equals(current);
        // Then
        Path candidate = CANDIDATES.resolve(name).resolve("v" + (latestVersion + 1) + ".avsc");
        if (!unchanged) {
            Files.createDirectories(candidate.getParent());
            Files.writeString(candidate, current.toString(true) + "\n");
        }
        assertThat(unchanged)
                .as(
                        "%s changed since snapshot v%d. If the change is intended and BACKWARD compatible,"
                                + " commit the new schema as schemas/%s/v%d.avsc (written for you to schemas/%s)",
                        name, latestVersion, new SchemaHistory(name).directory(), latestVersion + 1, candidate)
                .isTrue();
    }

    @Test
    void fieldAddedWithoutDefaultIsDetectedAsBreaking() {
        // Given
        List<SchemaHistory.Snapshot> history =
                new SchemaHistory(Transaction.getClassSchema().getFullName()).snapshots();
        Schema broken = withExtraField(
                Transaction.getClassSchema(), SchemaBuilder.builder().stringType(), false);
        // When
        List<String> problems = SchemaHistory.backwardProblems(broken, history);
        // Then
        assertThat(problems)
                .singleElement()
                .asString()
                .contains("READER_FIELD_MISSING_DEFAULT")
                .contains("venue");
    }

    @Test
    void fieldAddedWithDefaultIsAccepted() {
        // Given
        List<SchemaHistory.Snapshot> history =
                new SchemaHistory(Transaction.getClassSchema().getFullName()).snapshots();
        Schema evolved = withExtraField(
                Transaction.getClassSchema(), SchemaBuilder.builder().stringType(), true);
        // When / Then
        assertThat(SchemaHistory.backwardProblems(evolved, history)).isEmpty();
    }

    static Stream<Arguments> currentSchemasByName() {
        return currentSchemas().map(s -> Arguments.of(s.getFullName(), s));
    }

    private static Schema withExtraField(Schema schema, Schema type, boolean withDefault) {
        List<Schema.Field> fields = new ArrayList<>(schema.getFields().stream()
                .map(f -> new Schema.Field(f, f.schema()))
                .toList());
        fields.add(withDefault ? new Schema.Field("venue", type, null, "XETRA") : new Schema.Field("venue", type));
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }
}
