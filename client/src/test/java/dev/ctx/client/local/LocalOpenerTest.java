package dev.ctx.client.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ctx.client.keyfile.KeyFileException;
import dev.ctx.client.keyfile.ParticipantKeyFile;
import dev.ctx.client.testing.SealedSample;
import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.error.AuthenticationFailedException;
import dev.ctx.envelope.error.RecipientMismatchException;
import dev.ctx.envelope.error.UnknownRecipientException;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;

class LocalOpenerTest {

    private static final Recipient ESCROW =
            Recipient.escrow(1, X25519KeyPair.generate().publicKey());

    @TempDir
    Path dir;

    @Test
    void participantOpensItsTransactionWithItsOwnKeyFile() {
        // Given
        ParticipantKeyFile miner = registeredKeyFile("miner-1", 1);
        SealedSample sample = SealedSample.sealFor("txn-1", List.of(recipient(miner), otherParticipant()), ESCROW);

        // When
        Map<String, JsonNode> fields = LocalOpener.of(miner).open(sample.encrypted(), sample.envelope());

        // Then: exactly the producer's values, decimals and timestamps as strings
        assertThat(fields.keySet()).containsExactly("amount", "pricing", "settlementDetails");
        assertThat(fields.get("amount").asText()).isEqualTo("1250.00000000");
        assertThat(fields.get("pricing").path("unitPrice").asText()).isEqualTo("12.50000000");
        assertThat(fields.get("pricing").path("pricingModel").asText()).isEqualTo("flat");
        assertThat(fields.get("settlementDetails").path("accountReference").asText())
                .isEqualTo("DE89-3704");
        assertThat(fields.get("settlementDetails").path("settlementDate").asText())
                .isEqualTo("2026-12-01T00:00:00Z");
        assertThat(fields.get("settlementDetails")
                        .path("attributes")
                        .path("batch")
                        .asText())
                .isEqualTo("b-1");
    }

    @Test
    void keyFileOfANonRecipientIsUnknownRecipient() {
        // Given
        ParticipantKeyFile outsider = registeredKeyFile("outsider", 1);
        SealedSample sample = SealedSample.sealFor("txn-2", List.of(otherParticipant()), ESCROW);

        // When / Then
        assertThatThrownBy(() -> LocalOpener.of(outsider).open(sample.encrypted(), sample.envelope()))
                .isInstanceOf(UnknownRecipientException.class)
                .hasMessageContaining("outsider")
                .hasMessageContaining("txn-2");
    }

    @Test
    void wrapForAKeyVersionNoFileHoldsIsARecipientMismatch() {
        // Given: the envelope wraps for version 2, the participant only has its version-1 file
        ParticipantKeyFile version1 = registeredKeyFile("miner-1", 1);
        X25519KeyPair version2 = X25519KeyPair.generate();
        SealedSample sample =
                SealedSample.sealFor("txn-3", List.of(new Recipient("miner-1", 2, version2.publicKey())), ESCROW);

        // When / Then
        assertThatThrownBy(() -> LocalOpener.of(version1).open(sample.encrypted(), sample.envelope()))
                .isInstanceOf(RecipientMismatchException.class)
                .hasMessageContaining("key version 2")
                .hasMessageContaining("[1]");
    }

    @Test
    void theFileOfTheWrappedVersionIsChosenAmongSeveral() {
        // Given
        ParticipantKeyFile version1 = registeredKeyFile("miner-1", 1);
        ParticipantKeyFile version2 = registeredKeyFile("miner-1", 2, "miner-1-v2.key");
        SealedSample sample =
                SealedSample.sealFor("txn-4", List.of(new Recipient("miner-1", 2, version2.publicKey())), ESCROW);

        // When
        Map<String, JsonNode> fields =
                LocalOpener.of(List.of(version1, version2)).open(sample.encrypted(), sample.envelope());

        // Then
        assertThat(fields.get("amount").asText()).isEqualTo("1250.00000000");
    }

    @Test
    void tamperedCiphertextFailsAuthentication() {
        // Given
        ParticipantKeyFile miner = registeredKeyFile("miner-1", 1);
        SealedSample sample = SealedSample.sealFor("txn-5", List.of(recipient(miner)), ESCROW);
        EncryptedTransaction tampered =
                EncryptedTransaction.newBuilder(sample.encrypted()).build();
        ByteBuffer ciphertext = tampered.getSealed().getCiphertext();
        byte[] bytes = new byte[ciphertext.remaining()];
        ciphertext.duplicate().get(bytes);
        bytes[bytes.length - 1] ^= 1;
        tampered.getSealed().setCiphertext(ByteBuffer.wrap(bytes));

        // When / Then
        assertThatThrownBy(() -> LocalOpener.of(miner).open(tampered, sample.envelope()))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void tamperedParticipantSetFailsAuthentication() {
        // Given: a public field the AAD binds is changed
        ParticipantKeyFile miner = registeredKeyFile("miner-1", 1);
        SealedSample sample = SealedSample.sealFor("txn-6", List.of(recipient(miner), otherParticipant()), ESCROW);
        EncryptedTransaction tampered = EncryptedTransaction.newBuilder(sample.encrypted())
                .setParticipants(List.of("miner-1"))
                .build();

        // When / Then
        assertThatThrownBy(() -> LocalOpener.of(miner).open(tampered, sample.envelope()))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void tamperedWrapFailsAuthentication() {
        // Given
        ParticipantKeyFile miner = registeredKeyFile("miner-1", 1);
        SealedSample sample = SealedSample.sealFor("txn-7", List.of(recipient(miner)), ESCROW);
        Envelope tampered = Envelope.newBuilder(sample.envelope()).build();
        ByteBuffer wrap = tampered.getWraps().get(0).getWrap();
        byte[] bytes = new byte[wrap.remaining()];
        wrap.duplicate().get(bytes);
        bytes[bytes.length - 1] ^= 1;
        tampered.getWraps().get(0).setWrap(ByteBuffer.wrap(bytes));

        // When / Then
        assertThatThrownBy(() -> LocalOpener.of(miner).open(sample.encrypted(), tampered))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void unregisteredKeyFileIsRefusedWithAPointerToRegistration() {
        // Given
        ParticipantKeyFile unregistered = ParticipantKeyFile.generate(dir.resolve("new.key"), "miner-1");

        // When / Then
        assertThatThrownBy(() -> LocalOpener.of(unregistered))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("ctx keys register-own");
    }

    private ParticipantKeyFile registeredKeyFile(String participantId, int version) {
        return registeredKeyFile(participantId, version, participantId + ".key");
    }

    private ParticipantKeyFile registeredKeyFile(String participantId, int version, String name) {
        Path file = dir.resolve(name);
        ParticipantKeyFile.generate(file, participantId).destroy();
        return ParticipantKeyFile.recordKeyVersion(file, version);
    }

    private static Recipient recipient(ParticipantKeyFile file) {
        return new Recipient(file.participantId(), file.keyVersion().orElseThrow(), file.publicKey());
    }

    private static Recipient otherParticipant() {
        return new Recipient("client-9", 1, X25519KeyPair.generate().publicKey());
    }
}
