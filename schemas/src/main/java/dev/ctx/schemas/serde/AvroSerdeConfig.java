package dev.ctx.schemas.serde;

import dev.ctx.schemas.schemaregistry.ConfigValues;
import dev.ctx.schemas.schemaregistry.RegistryClientConfig;

/**
 * Configuration keys of {@link ConfluentAvroSerde}, named as in Confluent's serdes so existing client configs work.
 * Registry connection keys (URL, basic and bearer auth, TLS, retry, caches) are listed in {@link RegistryClientConfig};
 * the two most used are repeated here.
 *
 * @param autoRegisterSchemas register the class's schema on first use
 * @param useLatestVersion write with the subject's latest registered version
 */
public record AvroSerdeConfig(boolean autoRegisterSchemas, boolean useLatestVersion) {

    /** Registry URL(s): comma-separated http(s) URLs or one {@code mock://<scope>}. Required. */
    public static final String SCHEMA_REGISTRY_URL = RegistryClientConfig.SCHEMA_REGISTRY_URL;
    /** {@code user:password} for basic auth (with {@code basic.auth.credentials.source=USER_INFO}). */
    public static final String BASIC_AUTH_USER_INFO = RegistryClientConfig.BASIC_AUTH_USER_INFO;
    /**
     * Register the record class's schema under the subject when serializing (default true). Set false in production
     * so only a deploy gate registers schemas; the serializer then looks the id up and fails if it is absent.
     */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /**
     * Serialize with the subject's latest registered version instead of the class's own schema (default false). The
     * latest version must have the same field layout as the class (same parsing canonical form).
     */
    public static final String USE_LATEST_VERSION = "use.latest.version";

    /**
     * Fully qualified name of the generated value class, used only by the no-argument constructor (Kafka clients
     * configured with {@code value.serializer}/{@code value.deserializer} class names).
     */
    public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";
    /** As {@link #SPECIFIC_AVRO_VALUE_TYPE}, for record keys. */
    public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";

    /** Reads the serde-level settings; registry settings are read by the registry client. */
    public static AvroSerdeConfig from(ConfigValues values) {
        return new AvroSerdeConfig(values.bool(AUTO_REGISTER_SCHEMAS, true), values.bool(USE_LATEST_VERSION, false));
    }
}
