package dev.ctx.envelope.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.ctx.envelope.error.CryptoProviderException;

/**
 * The JDK's refusal of a repeated key and nonce propagates everywhere except inside the known-answer opt-in (the DEK's
 * side of it: {@code DekTest.aRepeatedKeyAndNonceFailsLoudlyOnTheSealingPath}).
 */
class AesGcmNonceReuseTest {

    private final byte[] key = random(32);
    private final byte[] nonce = random(12);

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static final byte[] AAD = {1};
    private static final byte[] PLAINTEXT = {1, 2, 3};

    @Test
    void onlyTheKnownAnswerOptInRetriesOnAFreshCipherAndReproducesTheBytes() {
        // Given
        byte[] first = AesGcm.encrypt(key, nonce, AAD, PLAINTEXT);
        // When
        byte[] again =
                AesGcm.permitRepeatedKeyAndNonceForKnownAnswersOnly(() -> AesGcm.encrypt(key, nonce, AAD, PLAINTEXT));
        // Then: same bytes, and outside the opt-in the refusal is back
        assertThat(again).isEqualTo(first);
        assertThatThrownBy(() -> AesGcm.encrypt(key, nonce, AAD, PLAINTEXT))
                .isExactlyInstanceOf(CryptoProviderException.class);
    }

    @Test
    void decryptionIsNeverRefused() {
        // Given
        byte[] sealed = AesGcm.encrypt(key, new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9}, AAD, PLAINTEXT);
        // When
        byte[] once = AesGcm.decrypt(
                key, new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9}, AAD, sealed, 0, sealed.length, "test");
        byte[] twice = AesGcm.decrypt(
                key, new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9}, AAD, sealed, 0, sealed.length, "test");
        // Then
        assertThat(once).isEqualTo(PLAINTEXT).isEqualTo(twice);
    }

    @Test
    void noProductionCodeButTheKnownAnswerSealerCallsTheOptIn() throws IOException {
        // Given: the main sources of every module of the reactor
        List<Path> sourceRoots;
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            sourceRoots = modules.map(module -> module.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .toList();
        }
        // When
        List<String> callers = new ArrayList<>();
        for (Path root : sourceRoots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(file -> file.toString().endsWith(".java"))
                        .filter(file -> read(file).contains("permitRepeatedKeyAndNonceForKnownAnswersOnly("))
                        .forEach(file -> callers.add(file.getFileName().toString()));
            }
        }
        assertThat(sourceRoots).hasSizeGreaterThan(3);
        // Then: its definition and the deterministic sealer (guarded by SealRandomness.repeatsForKnownAnswers)
        assertThat(callers).containsExactlyInAnyOrder("AesGcm.java", "EnvelopeSealer.java");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
