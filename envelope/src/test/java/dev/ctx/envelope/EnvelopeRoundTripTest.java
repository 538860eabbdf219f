package dev.ctx.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ctx.envelope.format.CiphertextPart;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.internal.AvroBinary;
import dev.ctx.envelope.testing.Fixtures;
import dev.ctx.envelope.testing.Party;

class EnvelopeRoundTripTest {

    private static final List<Party> PARTIES = List.of(
            Party.generate("client-42", 1),
            Party.generate("miner-789", 3),
            Party.generate("settlement-7", 2),
            Party.generate(Recipient.ESCROW_ID, 1));
    private static final TransactionContext CONTEXT =
            TransactionContext.of("tx-42", Fixtures.SCHEMA, Fixtures.PARTICIPANTS);

    private final EnvelopeSealer sealer = EnvelopeSealer.create();
    private final EnvelopeOpener opener = EnvelopeOpener.create();

    static Stream<Party> parties() {
        return PARTIES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parties")
    void everyRecipientOpensTheConfidentialFields(Party party) {
        // Given
        GenericRecord fields = Fixtures.confidentialFields();
        SealedTransaction sealed = sealer.seal(fields, CONTEXT, recipients());
        // When
        GenericRecord opened = opener.open(
                sealed.ciphertext(), sealed.wrapFor(party.id()), party.privateKey(), CONTEXT, Fixtures.SCHEMA);
        // Then
        assertThat(opened).isEqualTo(fields);
    }

    @Test
    void persistedBytesParseBackAndOpen() {
        // Given
        SealedTransaction sealed = sealer.seal(Fixtures.confidentialFields(), CONTEXT, recipients());
        Party miner = PARTIES.get(1);
        // When
        CiphertextPart ciphertext = CiphertextPart.parse(sealed.ciphertext().toBytes());
        DekWrap wrap = DekWrap.parse(
                miner.id(), miner.keyVersion(), sealed.wrapFor(miner.id()).toBytes());
        // Then
        assertThat(opener.openSerialized(ciphertext, wrap, miner.privateKey(), CONTEXT))
                .isEqualTo(AvroBinary.write(Fixtures.confidentialFields()));
    }

    @Test
    void wrapsComeInRecipientOrderWithTheirKeyVersions() {
        // When
        SealedTransaction sealed = sealer.seal(Fixtures.confidentialFields(), CONTEXT, recipients());
        // Then
        assertThat(sealed.wraps())
                .extracting(DekWrap::recipientId)
                .containsExactly("client-42", "miner-789", "settlement-7", Recipient.ESCROW_ID);
        assertThat(sealed.wraps()).extracting(DekWrap::keyVersion).containsExactly(1, 3, 2, 1);
        assertThat(sealed.wraps()).allSatisfy(w -> assertThat(w.toBytes()).hasSize(DekWrap.V2_LENGTH));
    }

    @Test
    void everySealUsesAFreshNonceDekAndEphemeral() {
        // When
        SealedTransaction first = sealer.seal(Fixtures.confidentialFields(), CONTEXT, recipients());
        SealedTransaction second = sealer.seal(Fixtures.confidentialFields(), CONTEXT, recipients());
        // Then
        assertThat(first.ciphertext().nonce()).isNotEqualTo(second.ciphertext().nonce());
        assertThat(first.ciphertext().ciphertext())
                .isNotEqualTo(second.ciphertext().ciphertext());
        assertThat(first.wraps().get(0).enc())
                .isNotEqualTo(second.wraps().get(0).enc());
    }

    @Test
    void allWrapsOfOneTransactionShareOneEphemeral() {
        // When
        SealedTransaction sealed = sealer.seal(Fixtures.confidentialFields(), CONTEXT, recipients());
        // Then
        assertThat(sealed.wraps()).extracting(w -> List.of(w.enc())).hasSize(4);
        assertThat(sealed.wraps().stream()
                        .map(w -> HexFormat.of().formatHex(w.enc()))
                        .distinct())
                .hasSize(1);
    }

    @Test
    void contextOrderOfParticipantsDoesNotMatter() {
        // Given
        TransactionContext reordered =
                TransactionContext.of("tx-42", Fixtures.SCHEMA, List.of("settlement-7", "miner-789", "client-42"));
        SealedTransaction sealed = sealer.seal(Fixtures.confidentialFields(), CONTEXT, recipients());
        Party client = PARTIES.get(0);
        // When
        GenericRecord opened = opener.open(
                sealed.ciphertext(), sealed.wrapFor(client.id()), client.privateKey(), reordered, Fixtures.SCHEMA);
        // Then
        assertThat(opened).isEqualTo(Fixtures.confidentialFields());
        assertThat(reordered).isEqualTo(CONTEXT);
    }

    static List<Recipient> recipients() {
        return PARTIES.stream().map(Party::recipient).toList();
    }
}
