package dev.ctx.schemas.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;

import dev.ctx.schemas.schemaregistry.ConfigValues;

/** Resolves the generated record class named in the configuration, for serdes created without a class. */
final class RecordTypes {

    private RecordTypes() {}

    @SuppressWarnings("unchecked")
    static <T extends SpecificRecord> Class<T> fromConfig(ConfigValues values, boolean isKey) {
        String key = isKey ? AvroSerdeConfig.SPECIFIC_AVRO_KEY_TYPE : AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE;
        String name = values.string(key)
                .orElseThrow(() -> new ConfigException(
                        key + " is required when ConfluentAvroSerde is created without a record class"));
        Class<?> type;
        try {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            type = Class.forName(
                    name.startsWith("class ") ? name.substring(6) : name,
                    true,
                    context != null ? context : RecordTypes.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ConfigException(key + " names a class that is not on the classpath: " + name);
        }
        if (!SpecificRecord.class.isAssignableFrom(type)) {
            throw new ConfigException(key + " must name a generated Avro SpecificRecord class: " + name);
        }
        return (Class<T>) type;
    }
}
