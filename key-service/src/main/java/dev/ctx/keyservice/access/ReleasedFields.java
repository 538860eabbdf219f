package dev.ctx.keyservice.access;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/**
 * Renders the released confidential fields as JSON-ready values: decimals as plain strings ({@code "1250.00000000"}),
 * timestamps ISO-8601, strings and map keys as strings, nested records as objects; only the named top-level fields.
 */
public final class ReleasedFields {

    private ReleasedFields() {}

    /** The fields of {@code record} named in {@code released}, in schema order. */
    public static Map<String, Object> of(IndexedRecord record, Set<String> released) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            if (released.contains(field.name())) {
                out.put(field.name(), value(record.get(field.pos())));
            }
        }
        return out;
    }

    private static Object value(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            return value;
        } else if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        } else if (value instanceof Instant instant) {
            return instant.toString();
        } else if (value instanceof IndexedRecord nested) {
            Map<String, Object> out = new LinkedHashMap<>();
            nested.getSchema().getFields().forEach(f -> out.put(f.name(), value(nested.get(f.pos()))));
            return out;
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(k.toString(), value(v)));
            return out;
        } else if (value instanceof Collection<?> items) {
            return items.stream().map(ReleasedFields::value).toList();
        } else if (value instanceof GenericEnumSymbol<?> || value instanceof Enum<?> || value instanceof CharSequence) {
            return value.toString();
        }
        throw new IllegalStateException(
                "unexpected confidential field type " + value.getClass().getSimpleName());
    }
}
