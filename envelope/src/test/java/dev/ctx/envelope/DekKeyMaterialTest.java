package dev.ctx.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * A new DEK's key bytes come from the random source: never all zero, never repeated, and exactly the bytes the source
 * gave (kills the mutant that removes the {@code nextBytes} call filling the key, which every other test survived).
 */
class DekKeyMaterialTest {

    @Test
    void aGeneratedKeyIsTheRandomSourcesBytes() {
        // Given a source whose next 32 bytes are known
        byte[] expected = new byte[Dek.LENGTH];
        new SeededRandom(7).nextBytes(expected);
        // When
        Dek dek = Dek.generate(new SeededRandom(7), 1);
        // Then
        assertThat(dek.exposeKeyBytesForWrapping(byte[]::clone)).isEqualTo(expected);
    }

    @Test
    void generatedKeysAreNeverAllZeroAndNeverRepeat() {
        // Given
        SecureRandom random = new SecureRandom();
        Set<String> keys = new HashSet<>();
        // When
        for (int i = 0; i < 1_000; i++) {
            byte[] key = Dek.generate(random, 1).exposeKeyBytesForWrapping(byte[]::clone);
            assertThat(key).hasSize(Dek.LENGTH).isNotEqualTo(new byte[Dek.LENGTH]);
            keys.add(HexFormat.of().formatHex(key));
        }
        // Then
        assertThat(keys).hasSize(1_000);
    }

    /** A deterministic source (SHA1PRNG-free): a xorshift stream, so two instances with one seed agree. */
    private static final class SeededRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private long state;

        SeededRandom(long seed) {
            this.state = seed;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                bytes[i] = (byte) state;
            }
        }
    }
}
