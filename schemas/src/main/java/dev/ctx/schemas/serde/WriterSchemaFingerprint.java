package dev.ctx.schemas.serde;

import java.util.HexFormat;

import org.apache.avro.Schema;

import dev.ctx.envelope.format.FormatVersion;
import dev.ctx.envelope.format.SchemaFingerprint;

/**
 * The fingerprint of a writer schema: lowercase hex of the same SHA-256 that a v2 ciphertext's AAD binds
 * ({@link SchemaFingerprint} with {@link FormatVersion#V2}), over the <em>logical canonical form</em>: Avro's Parsing
 * Canonical Form extended with {@code logicalType}, {@code precision} and {@code scale} (Parsing Canonical Form drops
 * them, so a writer that says {@code scale: 0} where the reader says {@code scale: 8} would otherwise get the same
 * fingerprint). Field names, field order, types, enum symbols and fixed sizes are all covered, so a writer schema that
 * swaps the names of two fields has another fingerprint. Docs, defaults, aliases and custom properties
 * ({@code ctx.confidential}, {@code avro.java.string}) are not. Byte-exact definition:
 * {@code docs/writer-schema-fingerprint.md}; one implementation for both uses, so they cannot drift apart.
 */
public final class WriterSchemaFingerprint {

    private WriterSchemaFingerprint() {}

    /** Returns the 64-character lowercase hex SHA-256 fingerprint of {@code schema}. */
    public static String of(Schema schema) {
        return HexFormat.of().formatHex(SchemaFingerprint.of(schema, FormatVersion.V2));
    }

    /** Returns the logical canonical form of {@code schema}: compact JSON, the input of {@link #of(Schema)}. */
    public static String canonicalForm(Schema schema) {
        return SchemaFingerprint.logicalCanonicalForm(schema);
    }
}
