package dev.ctx.envelope.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import dev.ctx.envelope.error.DestroyedKeyException;
import dev.ctx.envelope.error.InvalidInputException;

class X25519PrivateKeyTest {

    private static final HexFormat HEX = HexFormat.of();
    // RFC 7748 §6.1
    private static final String ALICE_SK = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
    private static final String ALICE_PK = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
    private static final String BOB_SK = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
    private static final String BOB_PK = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";

    @Test
    void derivesTheRfc7748PublicKeys() {
        // Given
        X25519PrivateKey alice = X25519PrivateKey.takeCopyOf(HEX.parseHex(ALICE_SK));
        X25519PrivateKey bob = X25519PrivateKey.takeCopyOf(HEX.parseHex(BOB_SK));
        // When / Then
        assertThat(alice.publicKey().bytes()).isEqualTo(HEX.parseHex(ALICE_PK));
        assertThat(bob.publicKey().bytes()).isEqualTo(HEX.parseHex(BOB_PK));
    }

    @Test
    void bothSidesAgreeOnTheSameSharedSecret() {
        // Given
        X25519PrivateKey alice = X25519PrivateKey.takeCopyOf(HEX.parseHex(ALICE_SK));
        X25519PrivateKey bob = X25519PrivateKey.takeCopyOf(HEX.parseHex(BOB_SK));
        byte[] aliceSide = new byte[32];
        byte[] bobSide = new byte[32];
        // When
        alice.agreeWith(HEX.parseHex(BOB_PK), 0, aliceSide, 0);
        bob.agreeWith(HEX.parseHex(ALICE_PK), 0, bobSide, 0);
        // Then
        assertThat(aliceSide).isEqualTo(bobSide).isNotEqualTo(new byte[32]);
    }

    @Test
    void rejectsTheAllZeroSharedSecretOfALowOrderPoint() {
        // Given
        X25519PrivateKey alice = X25519PrivateKey.takeCopyOf(HEX.parseHex(ALICE_SK));
        // When / Then
        assertThatThrownBy(() -> alice.agreeWith(new byte[32], 0, new byte[32], 0))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("all-zero");
    }

    @Test
    void destroyZeroesTheOwnedArrayAndRefusesUse() {
        // Given
        byte[] owned = HEX.parseHex(ALICE_SK);
        X25519PrivateKey key = X25519PrivateKey.takeOwnershipOf(owned);
        // When
        key.destroy();
        // Then
        assertThat(owned).isEqualTo(new byte[32]);
        assertThat(key.isDestroyed()).isTrue();
        assertThatThrownBy(key::exposeSecretBytesForCustodySealing).isInstanceOf(DestroyedKeyException.class);
        assertThatThrownBy(() -> key.agreeWith(HEX.parseHex(BOB_PK), 0, new byte[32], 0))
                .isInstanceOf(DestroyedKeyException.class);
    }

    @Test
    void takeCopyOfLeavesTheCallersArrayAlone() {
        // Given
        byte[] callers = HEX.parseHex(ALICE_SK);
        X25519PrivateKey key = X25519PrivateKey.takeCopyOf(callers);
        // When
        key.destroy();
        // Then
        assertThat(callers).isEqualTo(HEX.parseHex(ALICE_SK));
    }

    @Test
    void exposesACopyOfTheSecretForCustodySealing() {
        // Given
        X25519PrivateKey key = X25519PrivateKey.takeCopyOf(HEX.parseHex(ALICE_SK));
        // When
        byte[] exposed = key.exposeSecretBytesForCustodySealing();
        exposed[0] ^= 1;
        // Then
        assertThat(key.exposeSecretBytesForCustodySealing()).isEqualTo(HEX.parseHex(ALICE_SK));
    }

    @Test
    void toStringRedactsTheSecret() {
        // Given
        X25519KeyPair pair = X25519KeyPair.generate();
        String secretHex = HEX.formatHex(pair.privateKey().exposeSecretBytesForCustodySealing());
        // When / Then
        assertThat(pair.privateKey().toString()).contains("redacted").doesNotContain(secretHex);
        assertThat(pair.toString()).contains("redacted").doesNotContain(secretHex);
    }

    @Test
    void rejectsKeysOfTheWrongLength() {
        assertThatThrownBy(() -> X25519PrivateKey.takeCopyOf(new byte[31])).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> X25519PrivateKey.takeOwnershipOf(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> X25519PublicKey.of(new byte[33])).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void generatedPairsDiffer() {
        assertThat(X25519KeyPair.generate().publicKey())
                .isNotEqualTo(X25519KeyPair.generate().publicKey());
    }
}
