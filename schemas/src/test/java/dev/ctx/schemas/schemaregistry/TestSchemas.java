package dev.ctx.schemas.schemaregistry;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/** Small schemas for registry tests: a v1 record and its compatible and breaking successors. */
final class TestSchemas {

    private TestSchemas() {}

    static Schema tradeV1() {
        return SchemaBuilder.record("Trade")
                .namespace("test")
                .fields()
                .requiredString("id")
                .requiredLong("qty")
                .endRecord();
    }

    /** v1 plus a field with a default: BACKWARD compatible. */
    static Schema tradeV2WithDefault() {
        return SchemaBuilder.record("Trade")
                .namespace("test")
                .fields()
                .requiredString("id")
                .requiredLong("qty")
                .name("currency")
                .type()
                .stringType()
                .stringDefault("EUR")
                .endRecord();
    }

    /** v1 plus a field without a default: not BACKWARD compatible. */
    static Schema tradeV2WithoutDefault() {
        return SchemaBuilder.record("Trade")
                .namespace("test")
                .fields()
                .requiredString("id")
                .requiredLong("qty")
                .requiredString("venue")
                .endRecord();
    }
}
