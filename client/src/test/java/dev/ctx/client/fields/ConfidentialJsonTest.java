package dev.ctx.client.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

class ConfidentialJsonTest {

    static Stream<Arguments> values() {
        Schema fixed = SchemaBuilder.fixed("F").size(2);
        return Stream.of(
                Arguments.of(new BigDecimal("1250.00000000"), "\"1250.00000000\""),
                Arguments.of(new BigDecimal("1E+3"), "\"1000\""),
                Arguments.of(Instant.parse("2026-12-01T00:00:00Z"), "\"2026-12-01T00:00:00Z\""),
                Arguments.of(new Utf8("SEPA"), "\"SEPA\""),
                Arguments.of(7, "7"),
                Arguments.of(7L, "7"),
                Arguments.of(true, "true"),
                Arguments.of(null, "null"),
                Arguments.of(ByteBuffer.wrap(new byte[] {1, 2, 3}), "\"AQID\""),
                Arguments.of(new GenericData.Fixed(fixed, new byte[] {1, 2}), "\"AQI=\""),
                Arguments.of(List.of(1, 2), "[1,2]"),
                Arguments.of(Map.of(new Utf8("batch"), new Utf8("b-1")), "{\"batch\":\"b-1\"}"));
    }

    @ParameterizedTest
    @MethodSource("values")
    void valueIsRenderedAsTheAccessApiRendersIt(Object value, String json) {
        assertThat(ConfidentialJson.node(value).toString()).isEqualTo(json);
    }

    @Test
    void recordFieldsKeepSchemaOrderAndNestedRecordsBecomeObjects() {
        // Given
        Schema inner =
                SchemaBuilder.record("Inner").fields().requiredString("method").endRecord();
        Schema outer = SchemaBuilder.record("Outer")
                .fields()
                .requiredString("z")
                .name("a")
                .type(inner)
                .noDefault()
                .endRecord();
        GenericRecord record = new GenericData.Record(outer);
        record.put("z", "first");
        GenericRecord nested = new GenericData.Record(inner);
        nested.put("method", "SEPA");
        record.put("a", nested);

        // When
        Map<String, JsonNode> fields = ConfidentialJson.fields(record);

        // Then
        assertThat(fields.keySet()).containsExactly("z", "a");
        assertThat(ConfidentialJson.object(fields).toString())
                .isEqualTo("{\"z\":\"first\",\"a\":{\"method\":\"SEPA\"}}");
    }
}
