package dev.ctx.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.envelope.format.Recipients;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.testing.Fixtures;

/**
 * The secure seal randomness: fresh seal ids (they go into the AAD and every HPKE info) and epoch ids are random and
 * differ, and the secure source never claims to repeat itself; key version 0 is a valid version; the escrow recipient
 * is recognised by its reserved id.
 */
class SealRandomnessTest {

    @Test
    void twoFreshSealIdsDifferAndAreNotAllZero() {
        // Given
        SealRandomness randomness = SealRandomness.secure();
        // When
        byte[] first = randomness.newSealId().bytes();
        byte[] second = randomness.newSealId().bytes();
        // Then
        assertThat(first).isNotEqualTo(second).isNotEqualTo(new byte[first.length]);
        assertThat(randomness.newEpochId()).isNotEqualTo(randomness.newEpochId());
    }

    @Test
    void twoSealsOfOneTransactionCarryDifferentSealIds() {
        // Given
        X25519KeyPair keys = X25519KeyPair.generate();
        Recipient recipient = new Recipient("a", 0, keys.publicKey());
        TransactionContext context = TransactionContext.of("t-1", Fixtures.SCHEMA, List.of("a"));
        EnvelopeSealer sealer = EnvelopeSealer.create();
        // When
        SealedTransaction first = sealer.sealSerialized(new byte[] {1}, context, List.of(recipient));
        SealedTransaction second = sealer.sealSerialized(new byte[] {1}, context, List.of(recipient));
        // Then
        assertThat(first.sealId()).isNotEqualTo(second.sealId());
    }

    @Test
    void theSecureSourceNeverClaimsToRepeat() {
        assertThat(SealRandomness.secure().repeatsForKnownAnswers()).isFalse();
    }

    @Test
    void keyVersionZeroIsValidAndNegativeVersionsAreNot() {
        assertThat(Recipients.checkKeyVersion(0)).isZero();
        assertThatThrownBy(() -> Recipients.checkKeyVersion(-1)).isExactlyInstanceOf(InvalidInputException.class);
    }

    @Test
    void theEscrowRecipientIsRecognisedByItsReservedId() {
        X25519KeyPair keys = X25519KeyPair.generate();
        assertThat(Recipient.escrow(1, keys.publicKey()).isEscrow()).isTrue();
        assertThat(new Recipient("a", 1, keys.publicKey()).isEscrow()).isFalse();
    }
}
