package dev.ctx.keyservice;

import java.nio.file.Path;

import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.keyservice.config.KeyServiceConfigLoader;
import dev.ctx.schemas.topics.TopicSetupException;

/** {@code java -cp ... dev.ctx.keyservice.KeyServiceMain [config.properties]}: starts the key service. */
public final class KeyServiceMain {

    private static final Logger LOGGER = LoggerFactory.getLogger(KeyServiceMain.class);

    private KeyServiceMain() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "key-service.properties");
        try {
            KeyService service = KeyService.start(KeyServiceConfigLoader.load(file, System.getenv()));
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, "key-service-stop"));
            LOGGER.atInfo().addKeyValue("port", service.port())
                    .addKeyValue("keyringSigningKeyFingerprint", service.keyringSigningKey().fingerprint())
                    .log("key service started; pin the keyring-signing key from GET /v1/keyring-signing-key");
        } catch (ConfigException e) {
            LOGGER.atError().addKeyValue("error", e.getMessage()).log("invalid configuration; not starting");
            System.err.println("key-service: invalid configuration: " + e.getMessage()); // visible without a log config
            System.exit(2);
        } catch (TopicSetupException e) {
            LOGGER.atError().addKeyValue("error", e.getMessage()).log("topics are missing or misconfigured; not starting");
            System.err.println("key-service: " + e.getMessage());
            System.exit(1);
        }
    }
}
