package dev.ctx.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import dev.ctx.envelope.error.AuthenticationFailedException;
import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.envelope.error.SealIdMismatchException;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.format.FormatVersion;
import dev.ctx.envelope.testing.Fixtures;
import dev.ctx.envelope.testing.Party;

/** The sealer writes v2; v1 still opens with v1's AAD, info and fingerprint; versions never mix. */
class FormatVersionsTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Party MINER = Party.generate("miner-789", 3);
    private static final Schema SCALE_6 =
            new Schema.Parser().parse(Fixtures.SCHEMA.toString().replace("\"scale\":8", "\"scale\":6"));

    private final EnvelopeOpener opener = EnvelopeOpener.create();

    @Test
    void newSealsAreV2WithOneSealIdInTheCiphertextAndEveryWrap() {
        // When
        SealedTransaction sealed = EnvelopeSealer.create()
                .seal(
                        Fixtures.confidentialFields(),
                        context(Fixtures.SCHEMA),
                        List.of(
                                MINER.recipient(),
                                Recipient.escrow(
                                        1,
                                        Party.generate(Recipient.ESCROW_ID, 1)
                                                .keys()
                                                .publicKey())));
        // Then
        assertThat(sealed.ciphertext().version()).isEqualTo(FormatVersion.V2);
        assertThat(sealed.wraps()).allSatisfy(wrap -> {
            assertThat(wrap.version()).isEqualTo(FormatVersion.V2);
            assertThat(wrap.sealId()).contains(sealed.sealId());
            assertThat(wrap.toBytes()).hasSize(DekWrap.V2_LENGTH);
        });
    }

    @Test
    void aV1CiphertextWithAV2WrapIsAMismatchNotGarbage() {
        // Given
        GoldenFiles v1 = GoldenFiles.load(GOLDEN.resolve("v1"));
        GoldenFiles v2 = GoldenFiles.load(GOLDEN.resolve("v2"));
        RecipientPrivateKey key = v2.recipientKeys().get(0);
        // When / Then
        assertThatThrownBy(() -> opener.openSerialized(v1.ciphertext(), v2.wrap(key), key, v1.context()))
                .isExactlyInstanceOf(SealIdMismatchException.class)
                .hasMessageContaining("format v1")
                .hasMessageContaining("is v2");
    }

    @Test
    void aRewrappedV1WrapStaysV1AndStillOpensTheV1Ciphertext() {
        // Given
        GoldenFiles v1 = GoldenFiles.load(GOLDEN.resolve("v1"));
        RecipientPrivateKey oldKey = v1.recipientKeys().get(0);
        Party newKey = Party.generate(oldKey.recipientId(), oldKey.keyVersion() + 1);
        // When
        DekWrap moved = EnvelopeRewrapper.create().rewrap(v1.wrap(oldKey), oldKey, newKey.recipient(), v1.context());
        // Then
        assertThat(moved.version()).isEqualTo(FormatVersion.V1);
        assertThat(moved.sealId()).isEmpty();
        assertThat(opener.open(v1.ciphertext(), moved, newKey.privateKey(), v1.context(), v1.schema()))
                .isEqualTo(opener.open(v1.ciphertext(), v1.wrap(oldKey), oldKey, v1.context(), v1.schema()));
    }

    @Test
    void aRewrappedV2WrapKeepsItsSealId() {
        // Given
        SealedTransaction sealed = EnvelopeSealer.create()
                .seal(Fixtures.confidentialFields(), context(Fixtures.SCHEMA), List.of(MINER.recipient()));
        Party rotated = Party.generate(MINER.id(), MINER.keyVersion() + 1);
        // When
        DekWrap moved = EnvelopeRewrapper.create()
                .rewrap(sealed.wrapFor(MINER.id()), MINER.privateKey(), rotated.recipient(), context(Fixtures.SCHEMA));
        // Then
        assertThat(moved.sealId()).contains(sealed.sealId());
        assertThat(opener.open(
                        sealed.ciphertext(), moved, rotated.privateKey(), context(Fixtures.SCHEMA), Fixtures.SCHEMA))
                .isEqualTo(Fixtures.confidentialFields());
    }

    @Test
    void aV2CiphertextRefusesAWriterSchemaWithAnotherDecimalScale() {
        // Given: v1 could not tell decimal(38,8) from decimal(38,6) and would have decoded amounts 100x off
        SealedTransaction sealed = EnvelopeSealer.create()
                .seal(Fixtures.confidentialFields(), context(Fixtures.SCHEMA), List.of(MINER.recipient()));
        // When / Then
        assertThatThrownBy(() -> opener.open(
                        sealed.ciphertext(),
                        sealed.wrapFor(MINER.id()),
                        MINER.privateKey(),
                        context(Fixtures.SCHEMA),
                        SCALE_6))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not match the schema fingerprint");
        assertThatThrownBy(() -> opener.openSerialized(
                        sealed.ciphertext(), sealed.wrapFor(MINER.id()), MINER.privateKey(), context(SCALE_6)))
                .isExactlyInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void participantsAreEncodedStrictly() {
        assertThatThrownBy(() -> TransactionContext.of("tx-1", Fixtures.SCHEMA, List.of("miner-789", "client-\uD800")))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> TransactionContext.of("tx-\uDC00", Fixtures.SCHEMA, List.of("miner-789")))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("transaction id");
    }

    private static TransactionContext context(Schema schema) {
        return TransactionContext.of("tx-versions", schema, List.of("miner-789", "client-42"));
    }
}
