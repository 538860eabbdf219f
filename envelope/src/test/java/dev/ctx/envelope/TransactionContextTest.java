package dev.ctx.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.envelope.format.FormatVersion;
import dev.ctx.envelope.format.SchemaFingerprint;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.testing.Fixtures;

/**
 * A transaction context: validation of its id, its schema fingerprints, its sorted participants and its equality,
 * which covers the transaction id, the participants and the fingerprint of every format version.
 */
class TransactionContextTest {

    private static byte[] fingerprint(int fill) {
        byte[] bytes = new byte[SchemaFingerprint.LENGTH];
        Arrays.fill(bytes, (byte) fill);
        return bytes;
    }

    @Test
    void aBlankTransactionIdIsRefusedWhateverFormTheSchemaTakes() {
        assertThatThrownBy(() -> TransactionContext.of(" ", fingerprint(1), List.of("a")))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("transaction id");
        assertThatThrownBy(() -> TransactionContext.of(" ", Fixtures.SCHEMA, List.of("a")))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("transaction id");
    }

    @Test
    void theFingerprintOfASchemaIsThatOfTheCurrentFormatVersion() {
        // When
        TransactionContext context = TransactionContext.of("t-1", Fixtures.SCHEMA, List.of("a"));
        // Then
        byte[] current = SchemaFingerprint.of(Fixtures.SCHEMA, FormatVersion.CURRENT);
        assertThat(TransactionContext.fingerprintOf(Fixtures.SCHEMA)).isEqualTo(current);
        assertThat(context.schemaFingerprint()).isEqualTo(current);
        assertThat(TransactionContext.of("t-1", fingerprint(7), List.of("a")).schemaFingerprint())
                .isEqualTo(fingerprint(7));
    }

    @Test
    void participantsAreSortedByTheirUtf8Bytes() {
        // When
        TransactionContext context = TransactionContext.of("t-1", fingerprint(1), List.of("b", "\u00e9", "A", "a"));
        // Then
        assertThat(context.participants()).containsExactly("A", "a", "b", "\u00e9");
    }

    @Test
    void contextsAreEqualOnlyWithTheSameIdParticipantsAndFingerprints() {
        // Given
        TransactionContext context = TransactionContext.of("t-1", fingerprint(1), List.of("b", "a"));
        TransactionContext same = TransactionContext.of("t-1", fingerprint(1), List.of("a", "b"));
        // Then
        assertThat(context).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(context).isNotEqualTo(TransactionContext.of("t-2", fingerprint(1), List.of("a", "b")));
        assertThat(context).isNotEqualTo(TransactionContext.of("t-1", fingerprint(1), List.of("a", "c")));
        assertThat(context).isNotEqualTo(TransactionContext.of("t-1", fingerprint(2), List.of("a", "b")));
        assertThat(context).isNotEqualTo("t-1");
        assertThat(context.hashCode())
                .isNotEqualTo(TransactionContext.of("t-2", fingerprint(1), List.of("a", "b"))
                        .hashCode());
    }

    @Test
    void aContextFromASchemaDiffersFromOneHoldingOnlyItsCurrentFingerprint() {
        // Given: equal current fingerprints, but the v1 fingerprint of the schema differs from the fixed bytes
        byte[] current = TransactionContext.fingerprintOf(Fixtures.SCHEMA);
        TransactionContext fromSchema = TransactionContext.of("t-1", Fixtures.SCHEMA, List.of("a"));
        TransactionContext fromBytes = TransactionContext.of("t-1", current, List.of("a"));
        // Then
        assertThat(fromSchema).isNotEqualTo(fromBytes);
    }

    @Test
    void theDescriptionNamesIdFingerprintAndParticipants() {
        assertThat(TransactionContext.of("t-1", fingerprint(0xab), List.of("b", "a")))
                .hasToString("TransactionContext[txnId=t-1, schema="
                        + HexFormat.of().formatHex(fingerprint(0xab)) + ", participants=[a, b]]");
    }

    @Test
    void aRecipientKeySaysWhetherItIsDestroyedAndNamesItsRecipientOnly() {
        // Given
        RecipientPrivateKey key =
                RecipientPrivateKey.of("a", 3, X25519KeyPair.generate().privateKey());
        // Then
        assertThat(key.isDestroyed()).isFalse();
        assertThat(key).hasToString("RecipientPrivateKey[recipient=a, keyVersion=3, key=<redacted>]");
        // When
        key.destroy();
        // Then
        assertThat(key.isDestroyed()).isTrue();
        assertThat(key.privateKey().isDestroyed()).isTrue();
    }
}
