package dev.ctx.keyservice.kek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.ctx.keyservice.kek.ExtractableKekException.Reason;

/**
 * On a real SoftHSM2 token: a sensitive key ({@code getEncoded() == null}) that the token would still let out
 * ({@code CKA_EXTRACTABLE = true}) is refused as a master KEK; a key generated non-extractable is accepted. Skipped
 * without SoftHSM2 unless {@code CTX_REQUIRE_SOFTHSM=1}.
 */
class Pkcs11KekSoftHsmTest {

    private SoftHsmToken token;
    private String alias;

    @BeforeEach
    void token() {
        token = SoftHsmToken.shared(); // the skip (or, in CI, the failure) happens here, before any code under test
        alias = "kek-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aSensitiveButExtractableKeyIsRefusedNamingTheAlias() {
        // Given: generated through a config with CKA_SENSITIVE = true, CKA_EXTRACTABLE = true
        Pkcs11Kek.generateKey(token.extractableKeysConfig(), token.pin(), alias);
        // When / Then
        assertThatThrownBy(() -> Pkcs11Kek.open(token.extractableKeysConfig(), token.pin(), alias))
                .isInstanceOfSatisfying(ExtractableKekException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.EXTRACTABLE);
                    assertThat(e.alias()).isEqualTo(alias);
                })
                .hasMessageContaining(alias);
    }

    @Test
    void theTokenReportsTheSensitiveButExtractableKeyAsExtractable() {
        // Given: generating logs the provider in, which the check's own sessions rely on for private objects
        Pkcs11Kek.generateKey(token.extractableKeysConfig(), token.pin(), alias);
        // When / Then
        assertThat(TokenAttributes.secretKeysLabelled(token.extractableKeysConfig(), alias))
                .containsExactly(new KeyProtection(true, false));
    }

    @Test
    void aKeyGeneratedNonExtractableIsAcceptedAndWorks() {
        // Given
        Pkcs11Kek.generateKey(token.pkcs11Config(), token.pin(), alias);
        // When
        try (MasterKek kek = Pkcs11Kek.open(token.pkcs11Config(), token.pin(), alias)) {
            // Then
            byte[] secret = "thirty-two bytes of key material".getBytes(StandardCharsets.UTF_8);
            byte[] aad = "participant-1|1".getBytes(StandardCharsets.UTF_8);
            assertThat(kek.open(kek.seal(secret, aad), aad)).isEqualTo(secret);
            assertThat(TokenAttributes.secretKeysLabelled(token.pkcs11Config(), alias))
                    .containsExactly(new KeyProtection(false, true));
        }
    }
}
