package dev.ctx.processor.app;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.ConfigException;

import dev.ctx.envelope.error.CryptoProviderException;
import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.config.ProcessorConfigLoader;
import dev.ctx.schemas.confidential.SealedSchemaNotRegisteredException;
import dev.ctx.schemas.schemaregistry.MockRegistryOptIn;
import dev.ctx.schemas.schemaregistry.SchemaRegistryException;
import dev.ctx.schemas.topics.TopicSetupException;

/**
 * {@code ProcessorMain --config FILE}: runs the encryption processor until SIGTERM. Environment variables
 * {@code CTX_*} override the file. Exit codes: 0 after a clean stop, 1 when it stopped in error or could not start,
 * 2 for invalid arguments or configuration.
 */
public final class ProcessorMain {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    private static final String USAGE = "usage: ctx processor [--config FILE]   (CTX_* environment variables override)";

    private ProcessorMain() {}

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.getenv(), System.err));
    }

    /**
     * Runs the processor until it stops; returns the exit code. Startup errors are printed to {@code err}. A
     * {@code mock://} schema registry is refused.
     */
    public static int run(String[] args, Map<String, String> env, PrintStream err) throws InterruptedException {
        return run(args, env, err, MockRegistryOptIn.REFUSE);
    }

    /** As {@link #run(String[], Map, PrintStream)}; {@code mockRegistry} says whether {@code mock://} may be used. */
    public static int run(String[] args, Map<String, String> env, PrintStream err, MockRegistryOptIn mockRegistry)
            throws InterruptedException {
        Optional<ProcessorConfig> config = configFrom(args, env, err);
        if (config.isEmpty()) {
            return EXIT_USAGE;
        }
        Optional<String> refusal = mockRegistry.refusal(config.get().schemaRegistryUrl());
        if (refusal.isPresent()) {
            err.println("ctx processor: invalid configuration: " + refusal.get());
            return EXIT_USAGE;
        }
        ProcessorApplication application;
        try {
            application = ProcessorApplication.start(config.get());
        } catch (ConfigException e) {
            err.println("ctx processor: invalid configuration: " + e.getMessage());
            return EXIT_USAGE;
        } catch (CryptoProviderException
                | TopicSetupException
                | SealedSchemaNotRegisteredException
                | SchemaRegistryException
                | UncheckedIOException e) {
            err.println("ctx processor: cannot start: " + e.getMessage());
            return EXIT_FAILED;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(application::close, "ctx-processor-shutdown"));
        return application.awaitStop() ? EXIT_FAILED : EXIT_OK;
    }

    /** Parses the arguments and loads the configuration; prints the problem and returns empty if either is bad. */
    static Optional<ProcessorConfig> configFrom(String[] args, Map<String, String> env, PrintStream err) {
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            if ("--config".equals(args[i]) && i + 1 < args.length) {
                file = Path.of(args[++i]);
            } else if (args[i].startsWith("--config=")) {
                file = Path.of(args[i].substring("--config=".length()));
            } else {
                err.println(USAGE);
                return Optional.empty();
            }
        }
        try {
            return Optional.of(ProcessorConfigLoader.load(file, env));
        } catch (ConfigException e) {
            err.println("ctx processor: invalid configuration: " + e.getMessage());
            return Optional.empty();
        }
    }
}
