package dev.ctx.envelope.internal.hpke;

import static dev.ctx.envelope.testing.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ctx.envelope.error.EnvelopeException;
import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.envelope.testing.Vectors;

/** Vectors made with OpenSSL's HPKE (AES-256-GCM suite): open every valid case, reject every invalid one. */
class OpensslVectorTest {

    private static final Hpke HPKE = Hpke.of(HpkeSuite.X25519_SHA256_AES256GCM);

    static Stream<JsonNode> validCases() {
        return cases().filter(c -> c.get("valid").asBoolean());
    }

    static Stream<JsonNode> invalidCases() {
        return cases().filter(c -> !c.get("valid").asBoolean());
    }

    private static Stream<JsonNode> cases() {
        JsonNode cases =
                Vectors.load("hpke-x25519-sha256-aes256gcm-openssl.json").get("cases");
        return StreamSupport.stream(cases.spliterator(), false);
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("validCases")
    void opensEveryValidCase(JsonNode vector) {
        // Given
        X25519PrivateKey skR = X25519PrivateKey.takeCopyOf(hex(vector, "skR"));
        // When
        byte[] plaintext =
                HPKE.open(hex(vector, "enc"), skR, hex(vector, "info"), hex(vector, "aad"), hex(vector, "ct"));
        // Then
        assertThat(skR.publicKey().bytes()).isEqualTo(hex(vector, "pkR"));
        assertThat(plaintext).isEqualTo(hex(vector, "pt"));
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("invalidCases")
    void rejectsEveryInvalidCase(JsonNode vector) {
        // Given
        X25519PrivateKey skR = X25519PrivateKey.takeCopyOf(hex(vector, "skR"));
        // When / Then
        assertThatThrownBy(() ->
                        HPKE.open(hex(vector, "enc"), skR, hex(vector, "info"), hex(vector, "aad"), hex(vector, "ct")))
                .isInstanceOf(EnvelopeException.class);
    }
}
