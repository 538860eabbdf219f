package dev.ctx.testkit.schemaregistry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A throwaway server certificate for 127.0.0.1 made with the JDK's keytool, and a truststore holding it. */
final class TestTls {

    static final String PASSWORD = "changeit";

    private final Path directory;

    private TestTls(Path directory) {
        this.directory = directory;
    }

    /** Makes a server key pair for 127.0.0.1 and a client key pair, each trusted by the other side's truststore. */
    static TestTls create(Path directory) throws IOException, InterruptedException {
        keyPair(directory, "server", "san=ip:127.0.0.1");
        keyPair(directory, "client", "san=dns:client");
        trust(directory, "server", "client-trust.p12");
        trust(directory, "client", "server-trust.p12");
        return new TestTls(directory);
    }

    /** Truststore for clients: holds the server certificate. */
    Path truststore() {
        return directory.resolve("client-trust.p12");
    }

    /** Keystore holding the client's key pair, for mutual TLS. */
    Path clientKeystore() {
        return directory.resolve("client.p12");
    }

    /** Server context: the server key pair, trusting the client certificate. */
    SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(directory.resolve("server.p12")), PASSWORD.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(directory.resolve("server-trust.p12")));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static void keyPair(Path directory, String name, String san) throws IOException, InterruptedException {
        keytool(
                "-genkeypair",
                "-alias",
                name,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + name,
                "-ext",
                san,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                directory.resolve(name + ".p12").toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        keytool(
                "-exportcert",
                "-alias",
                name,
                "-keystore",
                directory.resolve(name + ".p12").toString(),
                "-storepass",
                PASSWORD,
                "-rfc",
                "-file",
                directory.resolve(name + ".pem").toString());
    }

    private static void trust(Path directory, String name, String truststore) throws IOException, InterruptedException {
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                name,
                "-file",
                directory.resolve(name + ".pem").toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                directory.resolve(truststore).toString(),
                "-storepass",
                PASSWORD);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }
}
