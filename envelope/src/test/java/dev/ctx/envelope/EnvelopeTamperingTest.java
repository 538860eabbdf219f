package dev.ctx.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ctx.envelope.error.AuthenticationFailedException;
import dev.ctx.envelope.error.DestroyedKeyException;
import dev.ctx.envelope.error.EnvelopeException;
import dev.ctx.envelope.error.EnvelopeFormatException;
import dev.ctx.envelope.error.RecipientMismatchException;
import dev.ctx.envelope.error.SealIdMismatchException;
import dev.ctx.envelope.format.CiphertextPart;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.format.SealId;
import dev.ctx.envelope.testing.Fixtures;
import dev.ctx.envelope.testing.Party;

/** Every byte and every context component is authenticated; failures are typed and leak nothing. */
class EnvelopeTamperingTest {

    private static final Party MINER = Party.generate("miner-789", 3);
    private static final Party CLIENT = Party.generate("client-42", 1);
    private static final TransactionContext CONTEXT =
            TransactionContext.of("tx-42", Fixtures.SCHEMA, Fixtures.PARTICIPANTS);
    private static final FixedSealRandomness SAME_DEK = new FixedSealRandomness(
            new byte[32],
            new byte[12],
            HexFormat.of().parseHex("58abababababababababababababababababababababababababababababab6b"),
            new byte[16]);
    private static final SealedTransaction SEALED = EnvelopeSealer.create()
            .seal(Fixtures.confidentialFields(), CONTEXT, List.of(MINER.recipient(), CLIENT.recipient()));
    private static final byte[] CIPHERTEXT = SEALED.ciphertext().toBytes();
    private static final byte[] WRAP = SEALED.wrapFor(MINER.id()).toBytes();

    private final EnvelopeOpener opener = EnvelopeOpener.create();

    /** Positions after the version byte and the 16-byte seal id of layout v2. */
    static IntStream ciphertextPositions() {
        return IntStream.range(1 + SealId.LENGTH, CIPHERTEXT.length);
    }

    static IntStream wrapPositions() {
        return IntStream.range(1 + SealId.LENGTH, WRAP.length);
    }

    static IntStream sealIdPositions() {
        return IntStream.range(1, 1 + SealId.LENGTH);
    }

    @ParameterizedTest(name = "byte {0}")
    @MethodSource("sealIdPositions")
    void aSealIdThatDiffersBetweenCiphertextAndWrapIsATypedMismatchBeforeAnyDecryption(int position) {
        // Given
        CiphertextPart tamperedCiphertext = CiphertextPart.parse(flip(CIPHERTEXT, position));
        DekWrap tamperedWrap = DekWrap.parse(MINER.id(), MINER.keyVersion(), flip(WRAP, position));
        // When / Then
        assertThatThrownBy(() -> opener.open(
                        tamperedCiphertext, SEALED.wrapFor(MINER.id()), MINER.privateKey(), CONTEXT, Fixtures.SCHEMA))
                .isExactlyInstanceOf(SealIdMismatchException.class)
                .hasMessageContaining("transaction tx-42")
                .hasMessageContaining("recipient miner-789");
        assertThatThrownBy(() ->
                        opener.open(SEALED.ciphertext(), tamperedWrap, MINER.privateKey(), CONTEXT, Fixtures.SCHEMA))
                .isExactlyInstanceOf(SealIdMismatchException.class);
    }

    @ParameterizedTest(name = "byte {0}")
    @MethodSource("sealIdPositions")
    void theSealIdIsAuthenticatedEvenWhenChangedConsistentlyInCiphertextAndWrap(int position) {
        // Given
        CiphertextPart ciphertext = CiphertextPart.parse(flip(CIPHERTEXT, position));
        DekWrap wrap = DekWrap.parse(MINER.id(), MINER.keyVersion(), flip(WRAP, position));
        // When / Then
        assertThatThrownBy(() -> opener.open(ciphertext, wrap, MINER.privateKey(), CONTEXT, Fixtures.SCHEMA))
                .isExactlyInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("recipient miner-789 key version 3 of transaction tx-42");
    }

    @Test
    void twoSealsOfOneTransactionIdDoNotOpenEachOther() {
        // Given: the same transaction id, context and recipient sealed twice
        SealedTransaction second = EnvelopeSealer.create()
                .seal(Fixtures.confidentialFields(), CONTEXT, List.of(MINER.recipient(), CLIENT.recipient()));
        // When / Then
        assertThat(second.sealId()).isNotEqualTo(SEALED.sealId());
        assertThatThrownBy(() -> opener.openSerialized(
                        SEALED.ciphertext(), second.wrapFor(MINER.id()), MINER.privateKey(), CONTEXT))
                .isExactlyInstanceOf(SealIdMismatchException.class);
        assertThat(opener.open(
                        SEALED.ciphertext(), SEALED.wrapFor(MINER.id()), MINER.privateKey(), CONTEXT, Fixtures.SCHEMA))
                .isEqualTo(Fixtures.confidentialFields());
    }

    @ParameterizedTest(name = "byte {0}")
    @MethodSource("ciphertextPositions")
    void openRejectsATamperedNonceCiphertextOrTag(int position) {
        // Given
        CiphertextPart tampered = CiphertextPart.parse(flip(CIPHERTEXT, position));
        // When / Then
        assertThatThrownBy(() ->
                        opener.open(tampered, SEALED.wrapFor(MINER.id()), MINER.privateKey(), CONTEXT, Fixtures.SCHEMA))
                .isExactlyInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("ciphertext of transaction tx-42");
    }

    @ParameterizedTest(name = "byte {0}")
    @MethodSource("wrapPositions")
    void openRejectsATamperedEncOrSealedDek(int position) {
        // Given
        DekWrap tampered = DekWrap.parse(MINER.id(), MINER.keyVersion(), flip(WRAP, position));
        // When / Then
        assertThatThrownBy(
                        () -> opener.open(SEALED.ciphertext(), tampered, MINER.privateKey(), CONTEXT, Fixtures.SCHEMA))
                .isExactlyInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("recipient miner-789 key version 3 of transaction tx-42");
    }

    @Test
    void aWrongVersionByteIsAFormatError() {
        assertThatThrownBy(() -> CiphertextPart.parse(flip(CIPHERTEXT, 0)))
                .isExactlyInstanceOf(EnvelopeFormatException.class)
                .hasMessageContaining("ciphertext part")
                .hasMessageContaining("unknown format version byte 3");
        assertThatThrownBy(() -> DekWrap.parse(MINER.id(), 3, flip(WRAP, 0)))
                .isExactlyInstanceOf(EnvelopeFormatException.class)
                .hasMessageContaining("DEK wrap for recipient miner-789 key version 3");
    }

    @Test
    void truncatedLayoutsAreFormatErrors() {
        assertThatThrownBy(() -> CiphertextPart.parse(Arrays.copyOf(CIPHERTEXT, 44)))
                .isExactlyInstanceOf(EnvelopeFormatException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> DekWrap.parse(MINER.id(), 3, Arrays.copyOf(WRAP, 80)))
                .isExactlyInstanceOf(EnvelopeFormatException.class)
                .hasMessageContaining("expected 97");
        assertThatThrownBy(() -> CiphertextPart.parse(new byte[0])).isExactlyInstanceOf(EnvelopeFormatException.class);
    }

    static Stream<Arguments> contextVariants() {
        return Stream.of(
                Arguments.of("transaction id", TransactionContext.of("tx-43", Fixtures.SCHEMA, Fixtures.PARTICIPANTS)),
                Arguments.of("schema fingerprint", TransactionContext.of("tx-42", new byte[32], Fixtures.PARTICIPANTS)),
                Arguments.of(
                        "participant added",
                        TransactionContext.of(
                                "tx-42",
                                Fixtures.SCHEMA,
                                List.of("miner-789", "client-42", "settlement-7", "auditor-1"))),
                Arguments.of(
                        "participant removed",
                        TransactionContext.of("tx-42", Fixtures.SCHEMA, List.of("miner-789", "client-42"))),
                Arguments.of(
                        "participant renamed",
                        TransactionContext.of(
                                "tx-42", Fixtures.SCHEMA, List.of("miner-789", "client-42", "settlement-8"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contextVariants")
    void openRejectsAWrapUnderAnyOtherAadComponent(String component, TransactionContext other) {
        assertThatThrownBy(() -> opener.openSerialized(
                        SEALED.ciphertext(), SEALED.wrapFor(MINER.id()), MINER.privateKey(), other))
                .isExactlyInstanceOf(AuthenticationFailedException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contextVariants")
    void theCiphertextItselfIsBoundToEveryAadComponentEvenUnderTheSameDek(String component, TransactionContext other) {
        // Given: the same DEK and nonce sealed in both contexts, so the other context's wrap yields the right DEK
        EnvelopeSealer fixed = EnvelopeSealer.insecureDeterministicForKnownAnswers(SAME_DEK);
        SealedTransaction original = fixed.sealSerialized(new byte[] {1, 2, 3}, CONTEXT, List.of(MINER.recipient()));
        SealedTransaction elsewhere = fixed.sealSerialized(new byte[] {1, 2, 3}, other, List.of(MINER.recipient()));
        // When / Then
        assertThatThrownBy(() -> opener.openSerialized(
                        original.ciphertext(), elsewhere.wrapFor(MINER.id()), MINER.privateKey(), other))
                .isExactlyInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("ciphertext of transaction " + other.transactionId());
    }

    static Stream<Arguments> infoVariants() {
        return Stream.<Arguments>of(
                Arguments.of(
                        "recipient id",
                        (Function<byte[], DekWrap>) w -> DekWrap.parse("client-42", 3, w),
                        MINER.privateKeyLabelledAs("client-42", 3)),
                Arguments.of(
                        "key version",
                        (Function<byte[], DekWrap>) w -> DekWrap.parse("miner-789", 4, w),
                        MINER.privateKeyLabelledAs("miner-789", 4)),
                Arguments.of(
                        "escrow id",
                        (Function<byte[], DekWrap>) w -> DekWrap.parse(Recipient.ESCROW_ID, 3, w),
                        MINER.privateKeyLabelledAs(Recipient.ESCROW_ID, 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("infoVariants")
    void openRejectsAWrapRelabelledWithAnyOtherInfoComponent(
            String component, Function<byte[], DekWrap> relabel, RecipientPrivateKey key) {
        assertThatThrownBy(() -> opener.openSerialized(SEALED.ciphertext(), relabel.apply(WRAP), key, CONTEXT))
                .isExactlyInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void openRejectsSwappedCiphertextsBetweenTransactions() {
        // Given
        TransactionContext otherContext = TransactionContext.of("tx-43", Fixtures.SCHEMA, Fixtures.PARTICIPANTS);
        SealedTransaction other =
                EnvelopeSealer.create().seal(Fixtures.confidentialFields(), otherContext, List.of(MINER.recipient()));
        // When / Then
        assertThatThrownBy(() -> opener.openSerialized(
                        other.ciphertext(), SEALED.wrapFor(MINER.id()), MINER.privateKey(), CONTEXT))
                .isExactlyInstanceOf(SealIdMismatchException.class);
        assertThatThrownBy(() -> opener.openSerialized(
                        SEALED.ciphertext(), other.wrapFor(MINER.id()), MINER.privateKey(), otherContext))
                .isExactlyInstanceOf(SealIdMismatchException.class);
    }

    @Test
    void openRejectsACiphertextMovedToAnotherTransactionId() {
        // Given
        TransactionContext moved = TransactionContext.of("tx-43", Fixtures.SCHEMA, Fixtures.PARTICIPANTS);
        // When / Then
        assertThatThrownBy(() -> opener.open(
                        SEALED.ciphertext(), SEALED.wrapFor(MINER.id()), MINER.privateKey(), moved, Fixtures.SCHEMA))
                .isExactlyInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("tx-43");
    }

    @Test
    void aWrapOpenedWithAnotherParticipantsKeyFails() {
        // Given
        DekWrap minersWrap = SEALED.wrapFor(MINER.id());
        // When / Then
        assertThatThrownBy(() -> opener.openSerialized(SEALED.ciphertext(), minersWrap, CLIENT.privateKey(), CONTEXT))
                .isExactlyInstanceOf(RecipientMismatchException.class)
                .hasMessageContaining("recipient miner-789 key version 3")
                .hasMessageContaining("client-42");
        assertThatThrownBy(() -> opener.openSerialized(
                        SEALED.ciphertext(),
                        minersWrap,
                        CLIENT.privateKeyLabelledAs(MINER.id(), MINER.keyVersion()),
                        CONTEXT))
                .isExactlyInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void failureMessagesNeverContainKeysOrPlaintext() {
        // Given
        String secret = HexFormat.of().formatHex(MINER.keys().privateKey().exposeSecretBytesForCustodySealing());
        // When / Then
        assertThatThrownBy(() -> opener.open(
                        CiphertextPart.parse(flip(CIPHERTEXT, 20)),
                        SEALED.wrapFor(MINER.id()),
                        MINER.privateKey(),
                        CONTEXT,
                        Fixtures.SCHEMA))
                .isInstanceOf(EnvelopeException.class)
                .message()
                .doesNotContain(secret)
                .doesNotContain("IBAN")
                .doesNotContain("98765432");
    }

    @Test
    void aDestroyedKeyRefusesToOpen() {
        // Given
        Party party = Party.generate("miner-789", 3);
        SealedTransaction sealed =
                EnvelopeSealer.create().seal(Fixtures.confidentialFields(), CONTEXT, List.of(party.recipient()));
        RecipientPrivateKey key = party.privateKey();
        key.destroy();
        // When / Then
        assertThatThrownBy(() -> opener.openSerialized(sealed.ciphertext(), sealed.wrapFor("miner-789"), key, CONTEXT))
                .isExactlyInstanceOf(DestroyedKeyException.class);
    }

    private static byte[] flip(byte[] bytes, int position) {
        byte[] copy = bytes.clone();
        copy[position] ^= 0x01;
        return copy;
    }
}
