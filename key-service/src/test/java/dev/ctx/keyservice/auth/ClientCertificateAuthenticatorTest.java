package dev.ctx.keyservice.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ctx.keyservice.testing.TestPki;

class ClientCertificateAuthenticatorTest {

    @TempDir
    static Path dir;

    private static TestPki pki;
    private static int issued;

    private final ClientCertificateAuthenticator authenticator = new ClientCertificateAuthenticator();

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(dir);
    }

    @Test
    void mapsTheSingleCnToTheIdentityAndTheSingleOuToTheRole() throws Exception {
        // Given
        Credentials credentials = certificate("CN=alice,OU=participant,O=ctx");

        // When
        Identity identity = authenticator.authenticate(credentials).orElseThrow();

        // Then
        assertThat(identity).isEqualTo(new Identity("alice", Role.PARTICIPANT, "mtls"));
    }

    @Test
    void presentsNoIdentityWithoutACertificate() {
        assertThat(authenticator.authenticate(new Credentials(null, List.of()))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "CN=alice,OU=Operator",
                "CN=alice,OU=OPERATOR",
                "CN=alice,OU=operators",
                "CN=alice,OU=oper",
                "CN=alice,OU=operator x"
            })
    void refusesARoleThatIsNotSpeltExactly(String subject) throws Exception {
        // Given
        Credentials credentials = certificate(subject);

        // When / Then
        assertThatThrownBy(() -> authenticator.authenticate(credentials))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("not a known role");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "CN=alice,CN=bob,OU=participant",
                "CN=alice,OU=participant,OU=operator",
                "CN=alice+OU=operator,OU=participant"
            })
    void refusesASubjectWithMoreThanOneCnOrOu(String subject) throws Exception {
        // Given
        Credentials credentials = certificate(subject);

        // When / Then
        assertThatThrownBy(() -> authenticator.authenticate(credentials))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("more than one");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"OU=operator,O=ctx", "CN=alice,O=ctx"})
    void refusesASubjectWithoutCnOrOu(String subject) throws Exception {
        // Given
        Credentials credentials = certificate(subject);

        // When / Then
        assertThatThrownBy(() -> authenticator.authenticate(credentials))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("has no");
    }

    /** A CA-signed client certificate with {@code subject}, as Jetty hands it over after verifying the chain. */
    private static Credentials certificate(String subject) throws Exception {
        String name = "client" + (++issued);
        Path store = pki.issue(name, subject, "clientAuth");
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, TestPki.PASSWORD.toCharArray());
        }
        X509Certificate leaf = (X509Certificate) keyStore.getCertificate(name);
        assertThat(leaf.getSubjectX500Principal().getName())
                .as("keytool kept the subject as asked")
                .isNotBlank();
        return new Credentials(null, List.of(leaf));
    }
}
