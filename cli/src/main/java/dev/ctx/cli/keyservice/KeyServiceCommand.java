package dev.ctx.cli.keyservice;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.common.config.ConfigException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.ctx.cli.common.ExitCodes;
import dev.ctx.keyservice.KeyService;
import dev.ctx.keyservice.KeyServiceMain;
import dev.ctx.keyservice.config.KeyServiceConfigLoader;
import dev.ctx.schemas.schemaregistry.MockRegistryOptIn;

/** Runs the key service until Ctrl-C; the configuration keys are in key-service/README.md. */
@Command(
        name = "key-service",
        mixinStandardHelpOptions = true,
        description = {
            "Run the key service (HTTP API, custodial keys under a master KEK) until Ctrl-C.",
            "Reads a properties file; CTX_KEYSVC_* environment "
                    + "variables override it (CTX_KEYSVC_HTTP_PORT -> http.port).",
            "Exit codes: 0 stopped, 1 failed, 2 invalid configuration."
        })
public final class KeyServiceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "Key service properties file.")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        KeyService service;
        try {
            service = KeyService.start(KeyServiceMain.refuseMockRegistry(
                    KeyServiceConfigLoader.load(config, System.getenv()), MockRegistryOptIn.REFUSE));
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("ctx key-service: invalid configuration: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            service.close();
                            stopped.countDown();
                        },
                        "ctx-key-service-stop"));
        spec.commandLine().getOut().println("key service listening on port " + service.port() + "; Ctrl-C stops it.");
        spec.commandLine().getOut().flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
