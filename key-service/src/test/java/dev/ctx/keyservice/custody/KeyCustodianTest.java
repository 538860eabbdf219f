package dev.ctx.keyservice.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.envelope.sign.Ed25519SigningKey;
import dev.ctx.keyservice.kek.KekCiphertext;
import dev.ctx.keyservice.kek.KekFixture;
import dev.ctx.keyservice.kek.MasterKek;

class KeyCustodianTest {

    @TempDir
    Path dir;

    private MasterKek kek;
    private KeyCustodian custodian;

    @BeforeEach
    void openKek() {
        KekFixture fixture = KekFixture.pkcs12(dir);
        fixture.provision("master");
        kek = fixture.open("master");
        custodian = new KeyCustodian(kek);
    }

    @AfterEach
    void closeKek() {
        kek.close();
    }

    @Test
    void openedKeyHasTheSealedKeysPublicKey() {
        // Given
        X25519KeyPair pair = X25519KeyPair.generate();
        SealedPrivateKey sealed = custodian.seal("alice", 3, pair.privateKey());
        // When
        X25519PrivateKey opened = custodian.open("alice", sealed);
        // Then
        assertThat(opened.publicKey()).isEqualTo(pair.publicKey());
        assertThat(sealed.keyVersion()).isEqualTo(3);
        assertThat(sealed.kekId()).isEqualTo(kek.kekId());
        assertThat(sealed.toString())
                .doesNotContain(HexFormat.of().formatHex(pair.privateKey().exposeSecretBytesForCustodySealing()));
    }

    @Test
    void openRejectsAKeyMovedToAnotherParticipant() {
        // Given
        SealedPrivateKey sealed =
                custodian.seal("alice", 1, X25519KeyPair.generate().privateKey());
        // When / Then
        assertThatThrownBy(() -> custodian.open("mallory", sealed))
                .isInstanceOf(CustodyException.class)
                .hasMessageContaining("mallory v1");
    }

    @Test
    void openRejectsAKeyRelabelledAsAnotherVersion() {
        // Given
        SealedPrivateKey sealed =
                custodian.seal("alice", 1, X25519KeyPair.generate().privateKey());
        SealedPrivateKey relabelled = new SealedPrivateKey(2, sealed.kekId(), sealed.sealed());
        // When / Then
        assertThatThrownBy(() -> custodian.open("alice", relabelled)).isInstanceOf(CustodyException.class);
    }

    @Test
    void openRejectsAKeySealedUnderAnotherKekId() {
        // Given
        SealedPrivateKey sealed =
                custodian.seal("alice", 1, X25519KeyPair.generate().privateKey());
        SealedPrivateKey foreign = new SealedPrivateKey(1, "pkcs11:other", sealed.sealed());
        // When / Then
        assertThatThrownBy(() -> custodian.open("alice", foreign))
                .isInstanceOf(CustodyException.class)
                .hasMessageContaining("pkcs11:other");
    }

    @Test
    void openRejectsATamperedKey() {
        // Given
        SealedPrivateKey sealed =
                custodian.seal("alice", 1, X25519KeyPair.generate().privateKey());
        byte[] ciphertext = sealed.sealed().ciphertext();
        ciphertext[5] ^= 0x40;
        SealedPrivateKey tampered = new SealedPrivateKey(
                1, sealed.kekId(), KekCiphertext.of(sealed.sealed().iv(), ciphertext));
        // When / Then
        assertThatThrownBy(() -> custodian.open("alice", tampered)).isInstanceOf(CustodyException.class);
    }

    @Test
    void sealedSigningKeyOpensOnlyForItsReservedIdAndSignsLikeTheOriginal() {
        // Given
        Ed25519SigningKey original = Ed25519SigningKey.generate(new SecureRandom());
        SealedPrivateKey sealed = custodian.sealSigningKey("__keyring-signer", 1, original);
        // When
        Ed25519SigningKey opened = custodian.openSigningKey("__keyring-signer", sealed);
        // Then
        byte[] message = {1, 2, 3};
        assertThat(opened.sign(message)).isEqualTo(original.sign(message));
        assertThat(opened.toString())
                .doesNotContain(HexFormat.of().formatHex(original.exposeSecretBytesForCustodySealing()));
        assertThatThrownBy(() -> custodian.openSigningKey("__escrow", sealed)).isInstanceOf(CustodyException.class);
    }
}
