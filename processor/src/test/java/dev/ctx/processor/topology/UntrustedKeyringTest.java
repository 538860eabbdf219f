package dev.ctx.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.sign.Ed25519SigningKey;
import dev.ctx.processor.config.EncryptionMode;
import dev.ctx.processor.dlq.DeadLetterReason;
import dev.ctx.processor.testing.TestKeyrings;
import dev.ctx.processor.testing.TopologyHarness;
import dev.ctx.schemas.dlq.DeadLetter;
import dev.ctx.schemas.keys.KeyStatus;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.keys.ParticipantStatus;
import dev.ctx.schemas.keys.signing.KeyringSigningInput;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;

/**
 * Only keyrings signed by the pinned key-service key, stored under their own id, (and for the escrow, carrying a
 * pinned key) are used; anything else disables its participant with {@code UNTRUSTED_KEYRING}.
 */
class UntrustedKeyringTest {

    private static final String CLIENT = "client-1";
    private static final String MINER = "miner-1";
    private static final List<String> PARTICIPANTS = List.of(CLIENT, MINER);
    private static final Ed25519SigningKey ATTACKER = Ed25519SigningKey.generate(new SecureRandom());

    private final TestKeyrings keys = TestKeyrings.forParticipants(PARTICIPANTS);
    private final TransactionGenerator generator = new TransactionGenerator(
            GeneratorSettings.benchmarkDefault("txn").withParticipants(PARTICIPANTS, 2, 2), 7L);
    private TopologyHarness harness;

    @AfterEach
    void close() {
        harness.close();
    }

    /** What an attacker with write access to participant-keys could publish, and the refusal it must cause. */
    record Substitution(String record, String reason, Function<TestKeyrings, ParticipantKeyring> keyring) {}

    static Stream<Arguments> substitutions() {
        return Stream.of(
                substitution(
                        "an unsigned keyring with the attacker's key",
                        CLIENT,
                        "unsigned",
                        k -> withAttackerKey(k.unsigned(CLIENT))),
                substitution(
                        "a keyring signed by another key",
                        CLIENT,
                        "bad_signature",
                        k -> signedBy(ATTACKER, withAttackerKey(k.unsigned(CLIENT)))),
                substitution(
                        "a signed keyring whose key was swapped afterwards",
                        CLIENT,
                        "bad_signature",
                        k -> withAttackerKey(k.keyring(CLIENT))),
                substitution(
                        "a signed keyring whose signature is truncated",
                        CLIENT,
                        "unsigned",
                        k -> ParticipantKeyring.newBuilder(k.keyring(CLIENT))
                                .setSignature(ByteBuffer.wrap(new byte[63]))
                                .build()),
                substitution(
                        "another participant's valid keyring under this id",
                        CLIENT,
                        "record_key_mismatch",
                        k -> k.keyring(MINER)),
                substitution(
                        "an escrow keyring signed by the key service but with an unpinned key",
                        Recipient.ESCROW_ID,
                        "escrow_key_not_pinned",
                        k -> TestKeyrings.sign(withAttackerKey(k.unsigned(Recipient.ESCROW_ID)))),
                substitution(
                        "an escrow keyring signed by another key",
                        Recipient.ESCROW_ID,
                        "bad_signature",
                        k -> signedBy(ATTACKER, withAttackerKey(k.unsigned(Recipient.ESCROW_ID)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("substitutions")
    void anUntrustedKeyringDisablesItsParticipantAndIsCounted(String attack, Substitution substitution) {
        // Given
        harness = TopologyHarness.start(EncryptionMode.ALWAYS).publish(keys);
        harness.keyrings.pipeInput(substitution.record(), substitution.keyring().apply(keys));
        Transaction transaction = generator.next();

        // When
        harness.transactions.pipeInput(transaction.getTransactionId(), transaction);

        // Then
        DeadLetter letter = harness.deadLetters.readValue();
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.UNTRUSTED_KEYRING.name());
        assertThat(letter.getDetail()).contains(substitution.record());
        assertThat(harness.encrypted.isEmpty()).isTrue();
        assertThat(harness.envelopes.isEmpty()).isTrue();
        assertThat(harness.untrustedKeyringCount(substitution.reason())).isEqualTo(1.0);
        assertThat(harness.deadLetterCount(DeadLetterReason.UNTRUSTED_KEYRING.name()))
                .isEqualTo(1.0);
    }

    @Test
    void validSignedKeyringsAreUsedAndNothingIsCountedAsUntrusted() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.ALWAYS).publish(keys);
        Transaction transaction = generator.next();

        // When
        harness.transactions.pipeInput(transaction.getTransactionId(), transaction);

        // Then
        assertThat(harness.deadLetters.isEmpty()).isTrue();
        assertThat(harness.envelopes.readValue().getWraps()).hasSize(PARTICIPANTS.size() + 1);
        for (String reason : List.of("unsigned", "bad_signature", "record_key_mismatch", "escrow_key_not_pinned")) {
            assertThat(harness.untrustedKeyringCount(reason)).isZero();
        }
    }

    @Test
    void aSignedKeyringFromTheKeyServiceReenablesAParticipantDisabledByAForgery() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.ALWAYS).publish(keys);
        harness.keyrings.pipeInput(CLIENT, signedBy(ATTACKER, withAttackerKey(keys.unsigned(CLIENT))));

        // When
        harness.keyrings.pipeInput(CLIENT, keys.keyring(CLIENT));
        Transaction transaction = generator.next();
        harness.transactions.pipeInput(transaction.getTransactionId(), transaction);

        // Then
        assertThat(harness.deadLetters.isEmpty()).isTrue();
        assertThat(harness.encrypted.readValue().getTransactionId()).isEqualTo(transaction.getTransactionId());
    }

    @Test
    void aReplayedOlderSignedKeyringDoesNotReplaceTheNewerOne() {
        // Given: the key service revoked client-1's key in revision 2 after revision 1 was published
        ParticipantKeyring revision1 = TestKeyrings.sign(ParticipantKeyring.newBuilder(keys.unsigned(CLIENT))
                .setRevision(1)
                .build());
        ParticipantKeyring revision2 = TestKeyrings.sign(ParticipantKeyring.newBuilder(keys.unsigned(CLIENT))
                .setRevision(2)
                .setStatus(ParticipantStatus.REVOKED)
                .build());
        harness = TopologyHarness.start(EncryptionMode.ALWAYS).publish(keys);
        harness.keyrings.pipeInput(CLIENT, revision1);
        harness.keyrings.pipeInput(CLIENT, revision2);

        // When: someone with write access replays the validly signed revision 1
        harness.keyrings.pipeInput(CLIENT, revision1);
        Transaction transaction = generator.next();
        harness.transactions.pipeInput(transaction.getTransactionId(), transaction);

        // Then
        assertThat(harness.deadLetters.readValue().getReason()).isEqualTo(DeadLetterReason.PARTICIPANT_REVOKED.name());
        assertThat(harness.untrustedKeyringCount("stale_revision")).isEqualTo(1.0);
    }

    private static Arguments substitution(
            String attack, String record, String reason, Function<TestKeyrings, ParticipantKeyring> keyring) {
        return Arguments.of(attack, new Substitution(record, reason, keyring));
    }

    /** The keyring with its current key replaced by one the attacker holds. */
    private static ParticipantKeyring withAttackerKey(ParticipantKeyring keyring) {
        byte[] attackerKey = X25519KeyPair.generate().publicKey().bytes();
        return ParticipantKeyring.newBuilder(keyring)
                .setKeys(keyring.getKeys().stream()
                        .map(key -> key.getVersion() == keyring.getCurrentVersion()
                                ? TestKeyrings.key(key.getVersion(), KeyStatus.ACTIVE, attackerKey)
                                : key)
                        .toList())
                .build();
    }

    private static ParticipantKeyring signedBy(Ed25519SigningKey signer, ParticipantKeyring keyring) {
        ParticipantKeyring withKeyId = ParticipantKeyring.newBuilder(keyring)
                .setSignatureKeyId(signer.verifyingKey().fingerprint())
                .setSignature(null)
                .build();
        return KeyringSigningInput.withSignature(withKeyId, signer.sign(KeyringSigningInput.canonicalBytes(withKeyId)));
    }
}
