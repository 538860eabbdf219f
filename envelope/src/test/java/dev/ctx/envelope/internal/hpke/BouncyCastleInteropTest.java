package dev.ctx.envelope.internal.hpke;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.junit.jupiter.api.Test;

import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.key.X25519PublicKey;

/** Round trips between this HPKE and BouncyCastle's independent {@link HPKE} class, in both directions. */
class BouncyCastleInteropTest {

    private static final HPKE BC =
            new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    private static final Hpke OURS = Hpke.of(HpkeSuite.X25519_SHA256_AES256GCM);
    private static final byte[] INFO = "ctx wrap info".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AAD = "ctx aad".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DEK = new byte[32];

    @Test
    void bouncyCastleOpensWhatWeSeal() throws Exception {
        // Given
        X25519KeyPair recipient = X25519KeyPair.generate();
        AsymmetricCipherKeyPair bcRecipient = BC.deserializePrivateKey(
                recipient.privateKey().exposeSecretBytesForCustodySealing(),
                recipient.publicKey().bytes());
        // When
        Hpke.SealedMessage sealed = OURS.seal(recipient.publicKey(), INFO, AAD, DEK);
        // Then
        assertThat(BC.open(sealed.enc(), bcRecipient, INFO, AAD, sealed.ciphertext(), null, null, null))
                .isEqualTo(DEK);
    }

    @Test
    void weOpenWhatBouncyCastleSeals() throws Exception {
        // Given
        X25519KeyPair recipient = X25519KeyPair.generate();
        // When
        byte[][] ciphertextAndEnc =
                BC.seal(BC.deserializePublicKey(recipient.publicKey().bytes()), INFO, AAD, DEK, null, null, null);
        // Then
        assertThat(OURS.open(ciphertextAndEnc[1], recipient.privateKey(), INFO, AAD, ciphertextAndEnc[0]))
                .isEqualTo(DEK);
    }

    @Test
    void bouncyCastleOpensWrapsThatShareOneEphemeral() throws Exception {
        // Given
        X25519KeyPair ephemeral = X25519KeyPair.generate();
        X25519KeyPair first = X25519KeyPair.generate();
        X25519KeyPair second = X25519KeyPair.generate();
        // When
        Hpke.SealedMessage toFirst = OURS.sealWithEphemeral(ephemeral, first.publicKey(), INFO, AAD, DEK);
        Hpke.SealedMessage toSecond = OURS.sealWithEphemeral(ephemeral, second.publicKey(), INFO, AAD, DEK);
        // Then
        assertThat(toFirst.enc()).isEqualTo(toSecond.enc());
        assertThat(BC.open(toFirst.enc(), bc(first), INFO, AAD, toFirst.ciphertext(), null, null, null))
                .isEqualTo(DEK);
        assertThat(BC.open(toSecond.enc(), bc(second), INFO, AAD, toSecond.ciphertext(), null, null, null))
                .isEqualTo(DEK);
    }

    private static AsymmetricCipherKeyPair bc(X25519KeyPair pair) {
        X25519PublicKey publicKey = pair.publicKey();
        return BC.deserializePrivateKey(pair.privateKey().exposeSecretBytesForCustodySealing(), publicKey.bytes());
    }
}
