package dev.ctx.keyservice;

import java.nio.file.Path;

import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.keyservice.config.KeyServiceConfig;
import dev.ctx.keyservice.config.KeyServiceConfigDef;
import dev.ctx.keyservice.config.KeyServiceConfigLoader;
import dev.ctx.schemas.schemaregistry.MockRegistryOptIn;
import dev.ctx.schemas.topics.TopicSetupException;

/**
 * {@code java -jar ctx-key-service.jar [--config] [config.properties]}: starts the key service. A refusal to start is
 * logged (the jar's {@code log4j2.properties} writes it to stderr) and ends the JVM with exit code 2 (invalid
 * configuration) or 1 (topics missing or misconfigured).
 */
public final class KeyServiceMain {

    private static final Logger LOGGER = LoggerFactory.getLogger(KeyServiceMain.class);

    private KeyServiceMain() {}

    public static void main(String[] args) {
        Path file = configFile(args);
        try {
            KeyServiceConfig config = KeyServiceConfigLoader.load(file, System.getenv());
            refuseMockRegistry(config, MockRegistryOptIn.REFUSE);
            KeyService service = KeyService.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, "key-service-stop"));
            LOGGER.atInfo()
                    .addKeyValue("port", service.port())
                    .addKeyValue(
                            "keyringSigningKeyFingerprint",
                            service.keyringSigningKey().fingerprint())
                    .log("key service started; pin the keyring-signing key from GET /v1/keyring-signing-key");
        } catch (ConfigException e) {
            LOGGER.atError().addKeyValue("error", e.getMessage()).log("invalid configuration; not starting");
            System.exit(2);
        } catch (TopicSetupException e) {
            LOGGER.atError()
                    .addKeyValue("error", e.getMessage())
                    .log("topics are missing or misconfigured; not starting");
            System.exit(1);
        }
    }

    /** {@code --config FILE}, {@code FILE}, or {@code key-service.properties} when no argument is given. */
    private static Path configFile(String[] args) {
        boolean flag = args.length == 2 && "--config".equals(args[0]);
        return Path.of(flag ? args[1] : args.length > 0 ? args[0] : "key-service.properties");
    }

    /**
     * Throws if {@code config} names a {@code mock://} schema registry that {@code mockRegistry} refuses; returns
     * {@code config} otherwise.
     *
     * @throws ConfigException naming {@code schema.registry.url}
     */
    public static KeyServiceConfig refuseMockRegistry(KeyServiceConfig config, MockRegistryOptIn mockRegistry) {
        mockRegistry
                .refusal(config.getString(KeyServiceConfigDef.SCHEMA_REGISTRY_URL_CONFIG))
                .ifPresent(reason -> {
                    throw new ConfigException(reason);
                });
        return config;
    }
}
