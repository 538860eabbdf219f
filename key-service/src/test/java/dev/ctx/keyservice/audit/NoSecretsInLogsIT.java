package dev.ctx.keyservice.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.envelope.sign.Ed25519SigningKey;
import dev.ctx.keyservice.custody.KeyCustodian;
import dev.ctx.keyservice.participants.KeyVersion;
import dev.ctx.keyservice.participants.Participant;
import dev.ctx.keyservice.signing.SigningKeyCustody;
import dev.ctx.keyservice.testing.ApiFixture;
import dev.ctx.schemas.keys.KeyStatus;

/**
 * After a full lifecycle with logging at TRACE for our code, no private key, keyring-signing key or KEK bytes appear in
 * any log line.
 */
class NoSecretsInLogsIT {

    @TempDir
    Path dir;

    @Test
    void logsHoldNoPrivateKeyOrKekBytesAfterAFullLifecycle() throws Exception {
        // Given
        StringWriter captured = new StringWriter();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        WriterAppender appender = WriterAppender.newBuilder()
                .setName("capture")
                .setTarget(captured)
                .setLayout(PatternLayout.newBuilder().withPattern("%m %X %ex%n").build())
                .build();
        appender.start();
        configuration.getRootLogger().addAppender(appender, Level.ALL, null);
        Configurator.setLevel("dev.ctx", Level.TRACE);
        context.updateLoggers();
        List<String> secrets = new ArrayList<>();
        try (ApiFixture api = ApiFixture.start(dir, Clock.systemUTC())) {
            // When
            api.operator(
                    "POST", "/v1/participants", "{\"id\":\"alice\",\"role\":\"client\",\"kycStatus\":\"verified\"}");
            api.operator("POST", "/v1/participants/alice/keys", null);
            api.operator("POST", "/v1/participants/alice/keys/rotate", null);
            api.operator("POST", "/v1/participants/alice/keys/1/retire", "{\"remainingEnvelopes\": 0}");
            api.operator("DELETE", "/v1/participants/alice/keys/1", null);
            api.operator("POST", "/v1/participants/alice/keys/2/revoke", null);
            api.operator("POST", "/v1/escrow/key", null);
            api.operator("POST", "/v1/escrow/key/rotate", null);
            api.call("POST", "/v1/participants/alice/keys/rotate", null, null);
            api.operator("POST", "/v1/participants", "{\"id\":\"bob\",\"role\":\"client\",\"x\":1}");
            for (Participant participant : api.service.registry.list()) {
                for (KeyVersion key : participant.keys()) {
                    if (key.status() != KeyStatus.DESTROYED) {
                        X25519PrivateKey opened = api.service.unsealForTest(participant.id(), key.version());
                        secrets.add(encodings(opened.exposeSecretBytesForCustodySealing()));
                        opened.destroy();
                    }
                }
            }
            Ed25519SigningKey signing = new KeyCustodian(api.service.kek)
                    .openSigningKey(
                            SigningKeyCustody.RESERVED_ID,
                            api.service
                                    .store
                                    .loadSigningKey(SigningKeyCustody.RESERVED_ID)
                                    .orElseThrow());
            secrets.add(encodings(signing.exposeSecretBytesForCustodySealing()));
            signing.destroy();
            api.service.restart();
        } finally {
            configuration.getRootLogger().removeAppender("capture");
            Configurator.setLevel("dev.ctx", Level.INFO);
            context.updateLoggers();
        }
        secrets.add(encodings(kekBytes(dir.resolve("master.p12"))));
        // Then
        String logs = captured.toString();
        assertThat(logs).contains("key store replayed");
        assertThat(secrets)
                .as("private keys still held + the keyring-signing key + the KEK")
                .hasSizeGreaterThanOrEqualTo(5);
        for (String encoded : secrets) {
            for (String form : encoded.split("\n")) {
                assertThat(logs).doesNotContainIgnoringCase(form);
            }
        }
    }

    private static String encodings(byte[] secret) {
        return String.join(
                "\n",
                HexFormat.of().formatHex(secret),
                Base64.getEncoder().encodeToString(secret),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    private static byte[] kekBytes(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "kek-test-password".toCharArray());
        }
        return store.getKey("master", "kek-test-password".toCharArray()).getEncoded();
    }
}
