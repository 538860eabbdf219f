package dev.ctx.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway self-signed server certificate for 127.0.0.1, made with the JDK's keytool (as the key service's
 * {@code TestPki} does): the key service's PKCS#12 keystore and a truststore holding the certificate, for the
 * service's {@code tls.*} keys and for the client side.
 */
final class LoopbackTls {

    private static final String PASSWORD = "loopback-tls-password";
    private final Path dir;

    private LoopbackTls(Path dir) {
        this.dir = dir;
    }

    static LoopbackTls create(Path dir) throws IOException {
        Files.createDirectories(dir);
        LoopbackTls tls = new LoopbackTls(dir);
        tls.keytool(
                "-genkeypair",
                "-alias",
                "key-service",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=key-service",
                "-ext",
                "san=ip:127.0.0.1",
                "-validity",
                "2",
                "-keystore",
                "server.p12");
        tls.keytool("-exportcert", "-alias", "key-service", "-rfc", "-file", "server.pem", "-keystore", "server.p12");
        tls.keytool(
                "-importcert", "-alias", "key-service", "-file", "server.pem", "-noprompt", "-keystore", "trust.p12");
        Files.writeString(dir.resolve("password"), PASSWORD);
        return tls;
    }

    /** The key service's HTTPS settings: this certificate, client certificates optional (JWT callers). */
    Map<String, String> keyServiceConfig() {
        String password = dir.resolve("password").toString();
        return Map.of(
                "tls.keystore.path",
                dir.resolve("server.p12").toString(),
                "tls.keystore.password.file",
                password,
                "tls.truststore.path",
                dir.resolve("trust.p12").toString(),
                "tls.truststore.password.file",
                password,
                "tls.client.auth",
                "want");
    }

    /** A client context trusting only this certificate. */
    SSLContext clientContext() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("trust.p12"))) {
            trusted.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
