package dev.ctx.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import org.apache.avro.Schema;

import dev.ctx.envelope.format.CiphertextPart;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.key.X25519PrivateKey;

/**
 * One committed golden directory {@code golden/v<N>/}: {@code inputs.properties} (context, fixed DEK, nonce, ephemeral
 * and recipient keys), {@code confidential-fields.avsc}, {@code plaintext.hex} (Avro binary), {@code ciphertext.hex}
 * and {@code wrap-<recipient>.hex}.
 */
record GoldenFiles(Path dir, Properties inputs) {

    private static final HexFormat HEX = HexFormat.of();

    static GoldenFiles load(Path dir) {
        Properties inputs = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("inputs.properties"))) {
            inputs.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GoldenFiles(dir, inputs);
    }

    /** Whether this directory holds epoch wraps ({@code golden/v<N>-epoch/}). */
    boolean epoch() {
        return inputs.getProperty("epochId") != null;
    }

    /** For epoch wraps: the sequence number of the golden wraps (that many seals of the epoch precede it). */
    int epochSequence() {
        return Integer.parseInt(inputs.getProperty("epochSequence", "0"));
    }

    String version() {
        return dir.getFileName().toString();
    }

    TransactionContext context() {
        return TransactionContext.of(
                inputs.getProperty("transactionId"),
                schema(),
                List.of(inputs.getProperty("participants").split(",")));
    }

    Schema schema() {
        return new Schema.Parser().parse(read("confidential-fields.avsc"));
    }

    byte[] plaintext() {
        return hexFile("plaintext.hex");
    }

    FixedSealRandomness randomness() {
        String sealId = inputs.getProperty("sealId");
        String epochId = inputs.getProperty("epochId");
        return new FixedSealRandomness(
                hexProperty("dek"),
                hexProperty("nonce"),
                hexProperty("ephemeralPrivateKey"),
                sealId == null ? new byte[16] : HEX.parseHex(sealId),
                epochId == null ? new byte[16] : HEX.parseHex(epochId));
    }

    List<RecipientPrivateKey> recipientKeys() {
        List<RecipientPrivateKey> keys = new ArrayList<>();
        for (String entry : inputs.getProperty("recipients").split(",")) {
            String[] idAndVersion = entry.split(":");
            keys.add(RecipientPrivateKey.of(
                    idAndVersion[0],
                    Integer.parseInt(idAndVersion[1]),
                    X25519PrivateKey.takeOwnershipOf(hexProperty("privateKey." + idAndVersion[0]))));
        }
        return keys;
    }

    CiphertextPart ciphertext() {
        return CiphertextPart.parse(hexFile("ciphertext.hex"));
    }

    byte[] ciphertextBytes() {
        return hexFile("ciphertext.hex");
    }

    byte[] wrapBytes(String recipientId) {
        return hexFile("wrap-" + recipientId + ".hex");
    }

    DekWrap wrap(RecipientPrivateKey key) {
        return DekWrap.parse(key.recipientId(), key.keyVersion(), wrapBytes(key.recipientId()));
    }

    private byte[] hexProperty(String name) {
        return HEX.parseHex(inputs.getProperty(name));
    }

    private byte[] hexFile(String name) {
        return HEX.parseHex(read(name).strip());
    }

    private String read(String name) {
        try {
            return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeHex(Path file, byte[] bytes) throws IOException {
        Files.writeString(file, HEX.formatHex(bytes) + "\n", StandardCharsets.UTF_8);
    }
}
