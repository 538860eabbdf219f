package dev.ctx.processor.config;

import java.util.List;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import dev.ctx.schemas.serde.WriterSchemaAllowList;
import dev.ctx.schemas.transaction.Transaction;

/**
 * The writer-schema allow-list of the {@code transactions} value: the schema registry is not trusted to say which
 * bytes are which field, so only writer schemas with a listed fingerprint (or the compiled-in {@link Transaction}
 * schema) are read.
 */
final class WriterSchemaKeys {

    static final String TRANSACTIONS_WRITER_SCHEMA_FINGERPRINTS_CONFIG = "transactions.writer.schema.fingerprints";
    private static final String DOC = "Writer schemas of the transactions value that may be read, as hex SHA-256"
            + " fingerprints of their canonical form with logical types (docs/writer-schema-fingerprint.md;"
            + " bin/schema-fingerprint computes one). The compiled-in Transaction schema is always allowed; any other"
            + " writer schema is dead-lettered as WRITER_SCHEMA_NOT_ALLOWED before a field is read.";

    private WriterSchemaKeys() {}

    static void define(ConfigDef def) {
        def.define(
                TRANSACTIONS_WRITER_SCHEMA_FINGERPRINTS_CONFIG,
                Type.LIST,
                "",
                new FingerprintListValidator(),
                Importance.HIGH,
                DOC);
    }

    static WriterSchemaAllowList transactionWriters(ProcessorConfig config) {
        return WriterSchemaAllowList.of(
                Transaction.getClassSchema(), config.getList(TRANSACTIONS_WRITER_SCHEMA_FINGERPRINTS_CONFIG));
    }

    /** Accepts a possibly empty list of 64-hex-digit fingerprints. */
    static final class FingerprintListValidator implements ConfigDef.Validator {

        @Override
        public void ensureValid(String name, Object value) {
            for (Object entry : (List<?>) value) {
                if (!WriterSchemaAllowList.isFingerprint(String.valueOf(entry))) {
                    throw new ConfigException(name, value, "'" + entry + "' is not a hex SHA-256 fingerprint");
                }
            }
        }

        @Override
        public String toString() {
            return "list of hex SHA-256 fingerprints";
        }
    }
}
