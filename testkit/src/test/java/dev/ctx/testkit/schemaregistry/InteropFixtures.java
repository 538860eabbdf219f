package dev.ctx.testkit.schemaregistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/** The committed golden payloads of the schemas module: Confluent-framed bytes with schema id 0x01020304. */
final class InteropFixtures {

    static final int GOLDEN_SCHEMA_ID = 0x01020304;
    private static final Path GOLDEN = Path.of("..", "schemas", "src", "test", "resources", "golden");

    private InteropFixtures() {}

    static Path goldenFile(String name) {
        return GOLDEN.resolve(name);
    }

    static byte[] golden(String name) throws IOException {
        return HexFormat.of().parseHex(Files.readString(goldenFile(name)).trim());
    }
}
