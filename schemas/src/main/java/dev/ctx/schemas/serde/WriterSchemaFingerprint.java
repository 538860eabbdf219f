package dev.ctx.schemas.serde;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import org.apache.avro.Schema;

/**
 * The fingerprint of a writer schema: lowercase hex SHA-256 over the UTF-8 bytes of its <em>ctx canonical form</em>,
 * Avro's Parsing Canonical Form extended with the {@code logicalType}, {@code precision} and {@code scale} attributes
 * (Parsing Canonical Form drops them, so a writer that says {@code scale: 0} where the reader says {@code scale: 8}
 * would otherwise get the same fingerprint). Field names, field order, types, enum symbols and fixed sizes are all
 * covered, so a writer schema that swaps the names of two fields has another fingerprint. Docs, defaults, aliases and
 * custom properties ({@code ctx.confidential}, {@code avro.java.string}) are not. Byte-exact definition:
 * {@code docs/writer-schema-fingerprint.md}.
 */
public final class WriterSchemaFingerprint {

    private static final String[] LOGICAL_ATTRIBUTES = {"logicalType", "precision", "scale"};

    private WriterSchemaFingerprint() {
    }

    /** Returns the 64-character lowercase hex SHA-256 fingerprint of {@code schema}. */
    public static String of(Schema schema) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalForm(schema).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Returns the ctx canonical form of {@code schema}: compact JSON, the input of {@link #of(Schema)}. */
    public static String canonicalForm(Schema schema) {
        StringBuilder out = new StringBuilder();
        build(schema, new HashSet<>(), out);
        return out.toString();
    }

    private static void build(Schema schema, Set<String> named, StringBuilder out) {
        Schema.Type type = schema.getType();
        switch (type) {
            case UNION -> {
                out.append('[');
                for (int i = 0; i < schema.getTypes().size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    build(schema.getTypes().get(i), named, out);
                }
                out.append(']');
            }
            case ARRAY, MAP -> {
                out.append("{\"type\":\"").append(type.getName()).append('"');
                out.append(type == Schema.Type.ARRAY ? ",\"items\":" : ",\"values\":");
                build(type == Schema.Type.ARRAY ? schema.getElementType() : schema.getValueType(), named, out);
                logicalAttributes(schema, out);
                out.append('}');
            }
            case RECORD, ENUM, FIXED -> named(schema, named, out);
            default -> primitive(schema, out);
        }
    }

    private static void primitive(Schema schema, StringBuilder out) {
        if (!hasLogicalAttributes(schema)) {
            out.append('"').append(schema.getType().getName()).append('"');
            return;
        }
        out.append("{\"type\":\"").append(schema.getType().getName()).append('"');
        logicalAttributes(schema, out);
        out.append('}');
    }

    private static void named(Schema schema, Set<String> named, StringBuilder out) {
        String name = schema.getFullName();
        if (!named.add(name)) {
            out.append('"').append(name).append('"');
            return;
        }
        out.append("{\"name\":\"").append(name).append("\",\"type\":\"").append(schema.getType().getName())
                .append('"');
        switch (schema.getType()) {
            case ENUM -> {
                out.append(",\"symbols\":[");
                for (int i = 0; i < schema.getEnumSymbols().size(); i++) {
                    out.append(i == 0 ? "\"" : ",\"").append(schema.getEnumSymbols().get(i)).append('"');
                }
                out.append(']');
            }
            case FIXED -> out.append(",\"size\":").append(schema.getFixedSize());
            default -> {
                out.append(",\"fields\":[");
                for (int i = 0; i < schema.getFields().size(); i++) {
                    Schema.Field field = schema.getFields().get(i);
                    out.append(i == 0 ? "" : ",").append("{\"name\":\"").append(field.name()).append("\",\"type\":");
                    build(field.schema(), named, out);
                    out.append('}');
                }
                out.append(']');
            }
        }
        logicalAttributes(schema, out);
        out.append('}');
    }

    private static boolean hasLogicalAttributes(Schema schema) {
        for (String attribute : LOGICAL_ATTRIBUTES) {
            if (schema.getObjectProp(attribute) != null) {
                return true;
            }
        }
        return false;
    }

    private static void logicalAttributes(Schema schema, StringBuilder out) {
        for (String attribute : LOGICAL_ATTRIBUTES) {
            Object value = schema.getObjectProp(attribute);
            if (value != null) {
                out.append(",\"").append(attribute).append("\":");
                if (value instanceof Integer || value instanceof Long) {
                    out.append(value);
                } else {
                    jsonString(String.valueOf(value), out);
                }
            }
        }
    }

    private static void jsonString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
