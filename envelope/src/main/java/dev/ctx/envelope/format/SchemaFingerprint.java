package dev.ctx.envelope.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

import dev.ctx.envelope.error.CryptoProviderException;

/**
 * The 32-byte fingerprint of the confidential-fields schema that the AAD binds, per format version:
 * <ul>
 * <li>v1: SHA-256 of Avro's Parsing Canonical Form ({@code SchemaNormalization.parsingFingerprint("SHA-256", s)}).
 * That form drops logical types, so {@code decimal(38,8)} and {@code decimal(38,6)} share a fingerprint.</li>
 * <li>v2: SHA-256 of the UTF-8 bytes of {@link #logicalCanonicalForm(Schema)}: the Parsing Canonical Form in which
 * every schema that carries a logical type Avro knows is written as an object with, in this order, {@code "type"} (or,
 * for a fixed, the usual {@code name}, {@code type}, {@code size}), {@code "logicalType"} and, for decimals,
 * {@code "precision"} and {@code "scale"} (scale written even when 0).</li>
 * </ul>
 * Deterministic and thread-safe; results are cached per schema. Specified in {@code docs/envelope-format.md}.
 */
public final class SchemaFingerprint {

    /** Length of every fingerprint. */
    public static final int LENGTH = 32;

    private static final Map<Schema, byte[]> V1 = new ConcurrentHashMap<>();
    private static final Map<Schema, byte[]> V2 = new ConcurrentHashMap<>();

    private SchemaFingerprint() {}

    /** The fingerprint of {@code schema} as {@code version} defines it (a copy). */
    public static byte[] of(Schema schema, FormatVersion version) {
        Objects.requireNonNull(schema, "schema");
        return switch (Objects.requireNonNull(version, "version")) {
            case V1 ->
                V1.computeIfAbsent(schema, s -> sha256(SchemaNormalization.toParsingForm(s)))
                        .clone();
            case V2 ->
                V2.computeIfAbsent(schema, s -> sha256(logicalCanonicalForm(s))).clone();
        };
    }

    /** The v2 canonical form: Avro's Parsing Canonical Form extended with logical type, precision and scale. */
    public static String logicalCanonicalForm(Schema schema) {
        StringBuilder out = new StringBuilder(256);
        write(new HashSet<>(), schema, out);
        return out.toString();
    }

    private static void write(Set<String> seen, Schema schema, StringBuilder out) {
        Schema.Type type = schema.getType();
        switch (type) {
            case UNION -> {
                out.append('[');
                boolean first = true;
                for (Schema branch : schema.getTypes()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(seen, branch, out);
                }
                out.append(']');
            }
            case ARRAY, MAP -> {
                out.append("{\"type\":\"").append(type.getName()).append('"');
                out.append(type == Schema.Type.ARRAY ? ",\"items\":" : ",\"values\":");
                write(seen, type == Schema.Type.ARRAY ? schema.getElementType() : schema.getValueType(), out);
                out.append('}');
            }
            case RECORD, ENUM, FIXED -> writeNamed(seen, schema, out);
            default -> writePrimitive(schema, out);
        }
    }

    private static void writePrimitive(Schema schema, StringBuilder out) {
        String name = '"' + schema.getType().getName() + '"';
        if (schema.getLogicalType() == null) {
            out.append(name);
            return;
        }
        out.append("{\"type\":").append(name);
        writeLogicalType(schema.getLogicalType(), out);
        out.append('}');
    }

    private static void writeNamed(Set<String> seen, Schema schema, StringBuilder out) {
        String name = '"' + schema.getFullName() + '"';
        if (!seen.add(schema.getFullName())) {
            out.append(name);
            return;
        }
        out.append("{\"name\":")
                .append(name)
                .append(",\"type\":\"")
                .append(schema.getType().getName())
                .append('"');
        switch (schema.getType()) {
            case ENUM -> {
                out.append(",\"symbols\":[");
                boolean first = true;
                for (String symbol : schema.getEnumSymbols()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    out.append('"').append(symbol).append('"');
                }
                out.append(']');
            }
            case FIXED -> out.append(",\"size\":").append(schema.getFixedSize());
            default -> {
                out.append(",\"fields\":[");
                boolean first = true;
                for (Schema.Field field : schema.getFields()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    out.append("{\"name\":\"").append(field.name()).append("\",\"type\":");
                    write(seen, field.schema(), out);
                    out.append('}');
                }
                out.append(']');
            }
        }
        if (schema.getLogicalType() != null) {
            writeLogicalType(schema.getLogicalType(), out);
        }
        out.append('}');
    }

    private static void writeLogicalType(LogicalType logicalType, StringBuilder out) {
        out.append(",\"logicalType\":\"").append(logicalType.getName()).append('"');
        if (logicalType instanceof LogicalTypes.Decimal decimal) {
            out.append(",\"precision\":").append(decimal.getPrecision());
            out.append(",\"scale\":").append(decimal.getScale());
        }
    }

    private static byte[] sha256(String form) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(form.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new CryptoProviderException("the JDK provides no SHA-256", e);
        }
    }
}
