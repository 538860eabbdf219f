package dev.ctx.envelope.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

/** v1 fingerprints Avro's parsing canonical form; v2 keeps logical types, precision and scale. */
class SchemaFingerprintTest {

    private static final String AMOUNT = """
            {"type":"record","name":"F","namespace":"n","doc":"d","fields":[
              {"name":"amount","doc":"x","type":{"type":"bytes","logicalType":"decimal","precision":38,"scale":%d}},
              {"name":"at","type":{"type":"long","logicalType":"timestamp-millis"}}]}""";

    @Test
    void aDecimalScaleChangeKeepsTheV1FingerprintButChangesTheV2One() {
        // Given
        Schema scale8 = parse(AMOUNT.formatted(8));
        Schema scale6 = parse(AMOUNT.formatted(6));
        // When / Then
        assertThat(SchemaFingerprint.of(scale8, FormatVersion.V1))
                .isEqualTo(SchemaFingerprint.of(scale6, FormatVersion.V1));
        assertThat(SchemaFingerprint.of(scale8, FormatVersion.V2))
                .isNotEqualTo(SchemaFingerprint.of(scale6, FormatVersion.V2));
    }

    @Test
    void theV2FormIsTheDocumentedParsingFormWithLogicalTypeAttributes() {
        // When
        String form = SchemaFingerprint.logicalCanonicalForm(parse(AMOUNT.formatted(8)));
        // Then
        assertThat(form)
                .isEqualTo("{\"name\":\"n.F\",\"type\":\"record\",\"fields\":["
                        + "{\"name\":\"amount\",\"type\":{\"type\":\"bytes\""
                        + ",\"logicalType\":\"decimal\",\"precision\":38,"
                        + "\"scale\":8}},{\"name\":\"at\",\"type\":"
                        + "{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}}]}");
    }

    @Test
    void withoutLogicalTypesTheV2FormEqualsAvrosParsingCanonicalForm() {
        // Given: every kind of schema, named types referenced twice, docs, defaults and aliases to be stripped
        Schema schema = parse("""
                {"type":"record","name":"R","namespace":"a.b","doc":"d","aliases":["Old"],"fields":[
                  {"name":"i","type":"int","default":1},{"name":"l","type":"long"},{"name":"s","type":"string"},
                  {"name":"by","type":"bytes"},{"name":"bo","type":"boolean"},{"name":"f","type":"float"},
                  {"name":"d","type":"double"},{"name":"n","type":"null"},
                  {"name":"e","type":{"type":"enum","name":"E","symbols":["X","Y"],"default":"X"}},
                  {"name":"e2","type":"E"},
                  {"name":"fx","type":{"type":"fixed","name":"Fx","namespace":"c","size":4}},
                  {"name":"arr","type":{"type":"array","items":"c.Fx"}},
                  {"name":"m","type":{"type":"map","values":["null","string"]}},
                  {"name":"inner","type":{"type":"record","name":"Inner","fields":[{"name":"x","type":"E"}]}},
                  {"name":"u","type":["null","Inner"],"default":null}]}""");
        // When / Then
        assertThat(SchemaFingerprint.logicalCanonicalForm(schema)).isEqualTo(SchemaNormalization.toParsingForm(schema));
    }

    @Test
    void aDecimalOnAFixedCarriesItsAttributesAfterTheSize() {
        Schema schema = parse("""
                {"type":"fixed","name":"Money","size":16,"logicalType":"decimal","precision":30,"scale":2}""");
        assertThat(SchemaFingerprint.logicalCanonicalForm(schema))
                .isEqualTo("{\"name\":\"Money\",\"type\":\"fixed\","
                        + "\"size\":16,\"logicalType\":\"decimal\",\"precision\":30,\"scale\":2}");
    }

    @Test
    void docsAndCustomPropertiesDoNotChangeTheV2Fingerprint() {
        // Given
        Schema plain = parse(AMOUNT.formatted(8));
        Schema annotated =
                parse(AMOUNT.formatted(8).replace("\"doc\":\"x\"", "\"doc\":\"y\",\"ctx.confidential\":true"));
        // When / Then
        assertThat(HexFormat.of().formatHex(SchemaFingerprint.of(annotated, FormatVersion.V2)))
                .isEqualTo(HexFormat.of().formatHex(SchemaFingerprint.of(plain, FormatVersion.V2)));
    }

    private static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }
}
