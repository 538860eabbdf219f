package dev.ctx.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.reflect.Field;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.junit.jupiter.api.Test;

import dev.ctx.envelope.format.ContextEncoding;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.format.SealId;
import dev.ctx.envelope.key.X25519PrivateKey;

class EnvelopeSelfCheckTest {

    private static final HPKE BC =
            new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);

    @Test
    void passesOnThisJdk() {
        assertThatCode(EnvelopeSelfCheck::run).doesNotThrowAnyException();
    }

    @Test
    void itsKnownAnswerWrapOpensWithBouncyCastleToItsFixedDek() throws Exception {
        // Given: the self-check's expected wrap, checked by an independent HPKE implementation
        byte[] wrapBytes = HexFormat.of().parseHex((String) constant("EXPECTED_WRAP"));
        DekWrap wrap = DekWrap.parse("self-check", 1, wrapBytes);
        X25519PrivateKey key = X25519PrivateKey.takeCopyOf(HexFormat.of().parseHex((String) constant("RECIPIENT_SK")));
        TransactionContext context = TransactionContext.of("ctx-self-check", new byte[32], List.of("self-check"));
        AsymmetricCipherKeyPair bcKey = BC.deserializePrivateKey(
                key.exposeSecretBytesForCustodySealing(), key.publicKey().bytes());
        // When
        SealId sealId = wrap.sealId().orElseThrow();
        byte[] dek = BC.open(
                wrap.enc(),
                bcKey,
                context.wrapInfo(wrap.version(), sealId, "self-check", 1),
                context.aad(wrap.version(), sealId),
                wrap.sealedDek(),
                null,
                null,
                null);
        // Then
        assertThat(dek).isEqualTo(((FixedSealRandomness) constant("FIXED")).dek());
    }

    @Test
    void goldenWrapsOpenWithBouncyCastle() throws Exception {
        for (GoldenFiles golden : GoldenFilesTest.committedVersions().toList()) {
            TransactionContext context = golden.context();
            for (RecipientPrivateKey key : golden.recipientKeys()) {
                DekWrap wrap = golden.wrap(key);
                AsymmetricCipherKeyPair bcKey = BC.deserializePrivateKey(
                        key.privateKey().exposeSecretBytesForCustodySealing(),
                        key.privateKey().publicKey().bytes());
                SealId sealId = wrap.sealId().orElse(null);
                byte[] dek;
                if (wrap.isEpoch()) {
                    // BouncyCastle's context keeps its own sequence number (shared by seal and open): advance it
                    HPKEContext epoch = BC.setupBaseR(
                            wrap.enc(),
                            bcKey,
                            ContextEncoding.epochInfo(
                                    wrap.epochId().orElseThrow(), key.recipientId(), key.keyVersion()));
                    for (long seq = 0; seq < wrap.sequence(); seq++) {
                        epoch.seal(new byte[0], new byte[0]);
                    }
                    dek = epoch.open(
                            ContextEncoding.epochWrapAad(
                                    key.recipientId(), key.keyVersion(), context.aad(wrap.version(), sealId)),
                            wrap.sealedDek());
                } else {
                    dek = BC.open(
                            wrap.enc(),
                            bcKey,
                            context.wrapInfo(wrap.version(), sealId, key.recipientId(), key.keyVersion()),
                            context.aad(wrap.version(), sealId),
                            wrap.sealedDek(),
                            null,
                            null,
                            null);
                }
                assertThat(dek)
                        .as(golden.version() + " " + key.recipientId())
                        .isEqualTo(golden.randomness().dek());
            }
        }
    }

    private static Object constant(String name) throws ReflectiveOperationException {
        Field field = EnvelopeSelfCheck.class.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(null);
    }
}
