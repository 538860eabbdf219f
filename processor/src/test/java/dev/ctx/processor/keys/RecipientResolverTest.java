package dev.ctx.processor.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.ctx.envelope.Recipient;
import dev.ctx.processor.dlq.DeadLetterReason;
import dev.ctx.processor.dlq.RejectedTransactionException;
import dev.ctx.processor.testing.TestKeyrings;
import dev.ctx.schemas.encrypted.RecipientType;
import dev.ctx.schemas.keys.KeyStatus;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.keys.PublicKeyVersion;

class RecipientResolverTest {

    private final TestKeyrings keys = TestKeyrings.forParticipants(List.of("miner-1", "client-1"));
    private final Map<String, ParticipantKeyring> keyrings = new HashMap<>(keys.all());
    private final RecipientResolver resolver = new RecipientResolver(id -> Optional.ofNullable(keyrings.get(id)));

    @Test
    void resolvesDistinctParticipantsInIdOrderThenTheEscrow() {
        // When
        List<ResolvedRecipient> recipients = resolver.resolve(List.of("miner-1", "client-1", "miner-1"));

        // Then
        assertThat(recipients)
                .extracting(ResolvedRecipient::id)
                .containsExactly("client-1", "miner-1", Recipient.ESCROW_ID);
        assertThat(recipients)
                .extracting(ResolvedRecipient::type)
                .containsExactly(RecipientType.PARTICIPANT, RecipientType.PARTICIPANT, RecipientType.ESCROW);
    }

    @Test
    void usesTheCurrentKeyVersionAndItsPublicKey() {
        // When
        ResolvedRecipient client = resolver.resolve(List.of("client-1")).get(0);

        // Then
        assertThat(client.keyVersion()).isEqualTo(TestKeyrings.KEY_VERSION);
        assertThat(client.publicKey())
                .isEqualTo(keys.privateKey("client-1").privateKey().publicKey());
    }

    @Test
    void aKeyringStoredUnderAnotherIdIsUntrustedForParticipantsAndTheEscrow() {
        // Given: what the verifying store processor leaves for a refused keyring, and a keyring under another id
        keyrings.put("client-1", keys.keyring("miner-1"));
        keyrings.put(
                Recipient.ESCROW_ID,
                ParticipantKeyring.newBuilder(keys.keyring(Recipient.ESCROW_ID))
                        .setParticipantId("")
                        .build());

        // When / Then
        for (List<String> participants : List.of(List.of("client-1"), List.of("miner-1"))) {
            assertThatThrownBy(() -> resolver.resolve(participants))
                    .isInstanceOf(RejectedTransactionException.class)
                    .satisfies(e -> assertThat(((RejectedTransactionException) e).reason())
                            .isEqualTo(DeadLetterReason.UNTRUSTED_KEYRING));
        }
    }

    @Test
    void rejectsWhenTheCurrentVersionIsMissingFromTheKeyring() {
        // Given
        keyrings.put(
                "client-1",
                ParticipantKeyring.newBuilder(keys.keyring("client-1"))
                        .setCurrentVersion(9)
                        .build());

        // When / Then
        assertThatThrownBy(() -> resolver.resolve(List.of("client-1")))
                .isInstanceOf(RejectedTransactionException.class)
                .satisfies(e -> assertThat(((RejectedTransactionException) e).reason())
                        .isEqualTo(DeadLetterReason.NO_ACTIVE_KEY))
                .hasMessageContaining("client-1");
    }

    @Test
    void rejectsAKeyWithAnotherAlgorithm() {
        // Given
        ParticipantKeyring ring = keys.keyring("client-1");
        keyrings.put(
                "client-1",
                ParticipantKeyring.newBuilder(ring)
                        .setKeys(ring.getKeys().stream()
                                .map(key -> key.getStatus() == KeyStatus.ACTIVE
                                        ? PublicKeyVersion.newBuilder(key)
                                                .setAlgorithm("X448")
                                                .build()
                                        : key)
                                .toList())
                        .build());

        // When / Then
        assertThatThrownBy(() -> resolver.resolve(List.of("client-1")))
                .isInstanceOf(RejectedTransactionException.class)
                .hasMessageContaining("no ACTIVE X25519 key");
    }
}
