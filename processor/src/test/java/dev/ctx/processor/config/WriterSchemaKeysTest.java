package dev.ctx.processor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import dev.ctx.processor.testing.TestKeyrings;
import dev.ctx.schemas.serde.WriterSchemaAllowList;
import dev.ctx.schemas.serde.WriterSchemaFingerprint;
import dev.ctx.schemas.transaction.Transaction;

class WriterSchemaKeysTest {

    private static final String OTHER = "ab".repeat(32);

    @Test
    void byDefaultOnlyTheCompiledInTransactionSchemaIsAllowed() {
        // When
        WriterSchemaAllowList writers = config(Map.of()).transactionWriterSchemas();

        // Then
        assertThat(writers.acceptsAny()).isFalse();
        assertThat(writers.fingerprints()).containsExactly(WriterSchemaFingerprint.of(Transaction.getClassSchema()));
    }

    @Test
    void listedFingerprintsAreAllowedBesidesTheCompiledInSchema() {
        // When
        WriterSchemaAllowList writers = config(Map.of(
                        ProcessorConfig.TRANSACTIONS_WRITER_SCHEMA_FINGERPRINTS_CONFIG,
                        OTHER.toUpperCase() + ", " + OTHER))
                .transactionWriterSchemas();

        // Then
        assertThat(writers.fingerprints())
                .containsExactlyInAnyOrder(OTHER, WriterSchemaFingerprint.of(Transaction.getClassSchema()));
    }

    @Test
    void refusesAnEntryThatIsNotAHexSha256Fingerprint() {
        assertThatThrownBy(() -> config(Map.of(
                        ProcessorConfig.TRANSACTIONS_WRITER_SCHEMA_FINGERPRINTS_CONFIG, OTHER + ",sha256:" + OTHER)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ProcessorConfig.TRANSACTIONS_WRITER_SCHEMA_FINGERPRINTS_CONFIG);
    }

    private static ProcessorConfig config(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(extra);
        values.putAll(TestKeyrings.pins());
        values.put("bootstrap.servers", "127.0.0.1:9092");
        values.put("schema.registry.url", "mock://writer-schema-keys");
        return ProcessorConfig.of(values);
    }
}
