package dev.ctx.keyservice.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

class ReleasedFieldsTest {

    private static final Schema COLOUR = SchemaBuilder.enumeration("Colour").symbols("RED", "GREEN");
    private static final Schema SCHEMA = SchemaBuilder.record("Sample")
            .fields()
            .requiredBoolean("flag")
            .requiredInt("count")
            .requiredLong("total")
            .optionalString("note")
            .name("tags")
            .type()
            .array()
            .items()
            .stringType()
            .noDefault()
            .name("colour")
            .type(COLOUR)
            .noDefault()
            .requiredString("label")
            .requiredDouble("ratio")
            .endRecord();

    @Test
    void scalarsStayScalarsAndListsEnumsAndTextBecomeJsonReadyValues() {
        // Given
        GenericRecord record = sample();

        // When
        Map<String, Object> released =
                ReleasedFields.of(record, Set.of("flag", "count", "total", "note", "tags", "colour", "label"));

        // Then
        assertThat(released)
                .containsEntry("flag", true)
                .containsEntry("count", 7)
                .containsEntry("total", 9_000_000_000L)
                .containsEntry("note", null)
                .containsEntry("tags", List.of("a", "b"))
                .containsEntry("colour", "GREEN")
                .containsEntry("label", "text")
                .doesNotContainKey("ratio");
    }

    @Test
    void aFieldOfAnUnexpectedTypeIsRefusedRatherThanReleasedRaw() {
        // Given
        GenericRecord record = sample();

        // When / Then
        assertThatThrownBy(() -> ReleasedFields.of(record, Set.of("ratio")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Double")
                .hasMessageNotContaining("0.5");
    }

    private static GenericRecord sample() {
        GenericRecord record = new GenericData.Record(SCHEMA);
        record.put("flag", true);
        record.put("count", 7);
        record.put("total", 9_000_000_000L);
        record.put("note", null);
        record.put("tags", List.of(new Utf8("a"), new Utf8("b")));
        record.put("colour", new GenericData.EnumSymbol(COLOUR, "GREEN"));
        record.put("label", new Utf8("text"));
        record.put("ratio", 0.5);
        return record;
    }
}
