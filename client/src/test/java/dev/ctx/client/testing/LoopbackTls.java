package dev.ctx.client.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Throwaway certificates for 127.0.0.1 (server) and {@code CN=miner-1} (client), made with the JDK's keytool. */
public final class LoopbackTls {

    private static final String PASSWORD = "changeit";

    private final Path directory;

    private LoopbackTls(Path directory) {
        this.directory = directory;
    }

    /** Server and client key pairs, each trusted by the other side. */
    public static LoopbackTls create(Path directory) throws IOException, InterruptedException {
        keyPair(directory, "server", "CN=server", "san=ip:127.0.0.1");
        keyPair(directory, "client", "CN=miner-1", "san=dns:miner-1");
        trust(directory, "client", "server-trust.p12");
        trust(directory, "server", "client-trust.p12");
        return new LoopbackTls(directory);
    }

    public SSLContext serverContext() throws IOException, GeneralSecurityException {
        return context("server.p12", "server-trust.p12");
    }

    /** Trusts the server and presents the client certificate (mutual TLS). */
    public SSLContext clientContext() throws IOException, GeneralSecurityException {
        return context("client.p12", "client-trust.p12");
    }

    /** Trusts the server, presents no certificate. */
    public SSLContext clientContextWithoutCertificate() throws IOException, GeneralSecurityException {
        return context(null, "client-trust.p12");
    }

    private SSLContext context(String keystore, String truststore) throws IOException, GeneralSecurityException {
        KeyManager[] keys = null;
        if (keystore != null) {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(load(directory.resolve(keystore)), PASSWORD.toCharArray());
            keys = factory.getKeyManagers();
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(directory.resolve(truststore)));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys, trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static void keyPair(Path directory, String name, String dname, String san)
            throws IOException, InterruptedException {
        Path store = directory.resolve(name + ".p12");
        keytool(
                "-genkeypair",
                "-alias",
                name,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                dname,
                "-ext",
                san,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        keytool(
                "-exportcert",
                "-alias",
                name,
                "-keystore",
                store.toString(),
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
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }
}
