package dev.ctx.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.format.FormatVersion;
import dev.ctx.envelope.internal.AvroBinary;
import dev.ctx.envelope.internal.hpke.Hpke;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.testing.Fixtures;

/**
 * Pins the persisted layouts: every committed golden version still opens, and today's code reproduces the current
 * version's bytes exactly from the same fixed inputs. To write a new version's files (only when adding a version):
 * {@code ./mvnw -pl envelope test -Dtest=GoldenFilesTest -Dgolden.write=v<N>}.
 */
class GoldenFilesTest {

    private static final Path SOURCE_DIR = Path.of("src/test/resources/golden");

    static Stream<GoldenFiles> committedVersions() throws IOException, URISyntaxException {
        Path golden = Path.of(GoldenFilesTest.class.getResource("/golden").toURI());
        try (Stream<Path> dirs = Files.list(golden)) {
            return dirs.filter(Files::isDirectory).sorted().map(GoldenFiles::load).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("committedVersions")
    void everyCommittedVersionStillOpensForEveryRecipient(GoldenFiles golden) {
        // Given
        TransactionContext context = golden.context();
        GenericRecord expected = AvroBinary.read(golden.plaintext(), golden.schema());
        // When / Then
        for (RecipientPrivateKey key : golden.recipientKeys()) {
            assertThat(EnvelopeOpener.create()
                            .open(golden.ciphertext(), golden.wrap(key), key, context, golden.schema()))
                    .as(golden.version() + " " + key.recipientId())
                    .isEqualTo(expected);
        }
    }

    @Test
    void currentCodeReproducesTheCurrentVersionsBytesExactly() throws Exception {
        // Given
        GoldenFiles golden = committedVersions()
                .filter(g -> g.version().equals("v" + FormatVersion.CURRENT.id()))
                .findFirst()
                .orElseThrow();
        GenericRecord fields = AvroBinary.read(golden.plaintext(), golden.schema());
        List<Recipient> recipients = golden.recipientKeys().stream()
                .map(RecipientPrivateKey::asRecipient)
                .toList();
        // When
        SealedTransaction sealed = EnvelopeSealer.insecureDeterministicForKnownAnswers(golden.randomness())
                .seal(fields, golden.context(), recipients);
        // Then
        assertThat(AvroBinary.write(fields)).isEqualTo(golden.plaintext());
        assertThat(sealed.ciphertext().toBytes()).isEqualTo(golden.ciphertextBytes());
        for (Recipient recipient : recipients) {
            assertThat(sealed.wrapFor(recipient.recipientId()).toBytes())
                    .as(recipient.recipientId())
                    .isEqualTo(golden.wrapBytes(recipient.recipientId()));
        }
    }

    @Test
    void currentCodeReproducesTheEpochWrapBytesExactly() throws Exception {
        // Given
        GoldenFiles golden =
                committedVersions().filter(GoldenFiles::epoch).findFirst().orElseThrow();
        // When
        SealedTransaction sealed = sealEpochGolden(golden);
        // Then
        assertThat(sealed.ciphertext().toBytes()).isEqualTo(golden.ciphertextBytes());
        for (RecipientPrivateKey key : golden.recipientKeys()) {
            DekWrap wrap = sealed.wrapFor(key.recipientId());
            assertThat(wrap.isEpoch()).isTrue();
            assertThat(wrap.sequence()).isEqualTo(golden.epochSequence());
            assertThat(wrap.toBytes()).as(key.recipientId()).isEqualTo(golden.wrapBytes(key.recipientId()));
        }
    }

    /** The golden epoch wraps are those of seal number {@code epochSequence} of one epoch of fixed inputs. */
    private static SealedTransaction sealEpochGolden(GoldenFiles golden) {
        GenericRecord fields = AvroBinary.read(golden.plaintext(), golden.schema());
        List<Recipient> recipients = golden.recipientKeys().stream()
                .map(RecipientPrivateKey::asRecipient)
                .toList();
        EnvelopeSealer sealer =
                EnvelopeSealer.insecureDeterministicEpochForKnownAnswers(golden.randomness(), EpochPolicy.defaults());
        SealedTransaction sealed = null;
        for (int i = 0; i <= golden.epochSequence(); i++) {
            sealed = sealer.seal(fields, golden.context(), recipients);
        }
        sealer.close();
        return sealed;
    }

    @Test
    @EnabledIfSystemProperty(named = "golden.write.epoch", matches = "v\\d+-epoch")
    void writeGoldenFilesForEpochWraps() throws IOException {
        Path dir = SOURCE_DIR.resolve(System.getProperty("golden.write.epoch"));
        Files.createDirectories(dir);
        Properties inputs = new Properties();
        try (var in = Files.newBufferedReader(
                SOURCE_DIR.resolve("v" + FormatVersion.CURRENT.id()).resolve("inputs.properties"),
                StandardCharsets.UTF_8)) {
            inputs.load(in);
        }
        inputs.setProperty("transactionId", "tx-golden-" + dir.getFileName());
        inputs.setProperty("epochId", "e90c4e9e0123456789abcdef00c0ffee");
        inputs.setProperty("epochSequence", "1");
        try (var out = Files.newBufferedWriter(dir.resolve("inputs.properties"), StandardCharsets.UTF_8)) {
            inputs.store(out, "Test-only fixed inputs of the golden epoch wraps (the second seal of one epoch)");
        }
        Files.writeString(dir.resolve("confidential-fields.avsc"), Fixtures.SCHEMA.toString(true) + "\n");
        GoldenFiles golden = GoldenFiles.load(dir);
        GoldenFiles.writeHex(dir.resolve("plaintext.hex"), AvroBinary.write(Fixtures.confidentialFields()));
        golden = GoldenFiles.load(dir);
        SealedTransaction sealed = sealEpochGolden(golden);
        GoldenFiles.writeHex(dir.resolve("ciphertext.hex"), sealed.ciphertext().toBytes());
        for (DekWrap wrap : sealed.wraps()) {
            GoldenFiles.writeHex(dir.resolve("wrap-" + wrap.recipientId() + ".hex"), wrap.toBytes());
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "golden.write", matches = "v\\d+")
    void writeGoldenFilesForANewVersion() throws IOException {
        Path dir = SOURCE_DIR.resolve(System.getProperty("golden.write"));
        Files.createDirectories(dir);
        HexFormat hex = HexFormat.of();
        Properties inputs = new Properties();
        inputs.setProperty("transactionId", "tx-golden-" + dir.getFileName());
        inputs.setProperty("participants", String.join(",", Fixtures.PARTICIPANTS));
        inputs.setProperty("dek", "0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0");
        inputs.setProperty("nonce", "a1a2a3a4a5a6a7a8a9aaabac");
        inputs.setProperty("sealId", "5e1d0123456789abcdeffedcba987654");
        inputs.setProperty("ephemeralPrivateKey", secretHex(derive("ephemeral")));
        List<String> ids = List.of("client-42:1", "miner-789:3", "settlement-7:2", Recipient.ESCROW_ID + ":1");
        inputs.setProperty("recipients", String.join(",", ids));
        for (String id : ids) {
            String name = id.split(":")[0];
            inputs.setProperty("privateKey." + name, secretHex(derive(name)));
        }
        try (var out = Files.newBufferedWriter(dir.resolve("inputs.properties"), StandardCharsets.UTF_8)) {
            inputs.store(
                    out, "Test-only fixed inputs of the golden envelope (keys derived with RFC 9180 DeriveKeyPair)");
        }
        Files.writeString(dir.resolve("confidential-fields.avsc"), Fixtures.SCHEMA.toString(true) + "\n");
        GoldenFiles golden = GoldenFiles.load(dir);
        GenericRecord fields = Fixtures.confidentialFields();
        GoldenFiles.writeHex(dir.resolve("plaintext.hex"), AvroBinary.write(fields));
        List<Recipient> recipients = golden.recipientKeys().stream()
                .map(RecipientPrivateKey::asRecipient)
                .toList();
        SealedTransaction sealed = EnvelopeSealer.insecureDeterministicForKnownAnswers(golden.randomness())
                .seal(fields, golden.context(), recipients);
        GoldenFiles.writeHex(dir.resolve("ciphertext.hex"), sealed.ciphertext().toBytes());
        for (Recipient recipient : recipients) {
            GoldenFiles.writeHex(
                    dir.resolve("wrap-" + recipient.recipientId() + ".hex"),
                    sealed.wrapFor(recipient.recipientId()).toBytes());
        }
        assertThat(hex.formatHex(sealed.ciphertext().toBytes())).isNotEmpty();
    }

    private static X25519KeyPair derive(String label) {
        return Hpke.deriveKeyPair(("ctx golden " + label).getBytes(StandardCharsets.UTF_8));
    }

    private static String secretHex(X25519KeyPair pair) {
        return HexFormat.of().formatHex(pair.privateKey().exposeSecretBytesForCustodySealing());
    }
}
