package dev.ctx.testkit.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;

/** Writes a broker's server.properties and formats its log directory once; a restart reuses both. */
final class KafkaStorage {

    private KafkaStorage() {}

    static Path formatOnce(Path dir, Properties props) {
        Path config = dir.resolve("server.properties");
        if (Files.exists(config)) {
            return config;
        }
        try {
            Files.createDirectories(dir);
            try (Writer writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
                props.store(writer, "single-node KRaft broker on loopback");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
        String[] args = {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()};
        int exit = kafka.tools.StorageTool.execute(args, new PrintStream(OutputStream.nullOutputStream()));
        if (exit != 0) {
            throw new IllegalStateException("kafka-storage format failed with exit code " + exit + " for " + dir);
        }
        return config;
    }
}
