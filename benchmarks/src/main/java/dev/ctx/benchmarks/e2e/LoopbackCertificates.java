package dev.ctx.benchmarks.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway server certificate for 127.0.0.1 made with the JDK's keytool (EC P-256, self-signed), its trust store,
 * and the password of both in an owner-only file, so the key service reads it as a {@code *.file} secret.
 */
final class LoopbackCertificates {

    private final Path dir;
    private final String password;

    private LoopbackCertificates(Path dir, String password) {
        this.dir = dir;
        this.password = password;
    }

    static LoopbackCertificates create(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        LoopbackCertificates certificates =
                new LoopbackCertificates(dir, Base64.getUrlEncoder().encodeToString(random));
        Files.writeString(certificates.passwordFile(), certificates.password);
        certificates.passwordFile().toFile().setReadable(false, false);
        certificates.passwordFile().toFile().setReadable(true, true);
        certificates.keytool(
                "-genkeypair",
                "-alias",
                "server",
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
                "server.p12",
                "-keypass",
                certificates.password);
        certificates.keytool(
                "-exportcert", "-alias", "server", "-rfc", "-file", "server.pem", "-keystore", "server.p12");
        certificates.keytool(
                "-importcert", "-noprompt", "-alias", "server", "-file", "server.pem", "-keystore", "trust.p12");
        return certificates;
    }

    Path keyStore() {
        return dir.resolve("server.p12");
    }

    /** Trusted by the client; also the key service's (unused) client-CA trust store. */
    Path trustStore() {
        return dir.resolve("trust.p12");
    }

    Path passwordFile() {
        return dir.resolve("password");
    }

    /** A client context that trusts only the server certificate and presents none. */
    SSLContext clientContext() throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore())) {
            trust.load(in, password.toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", password));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + output);
        }
    }
}
