package dev.ctx.testkit.schemaregistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import dev.ctx.schemas.schemaregistry.InMemorySchemaRegistry;

/**
 * A Confluent-compatible schema registry on 127.0.0.1 for tests that cross a process or language boundary.
 *
 * <pre>{@code
 * try (SchemaRegistryServer registry = SchemaRegistryServer.builder().basicAuth("user", "pw").build().start()) {
 *     config.put("schema.registry.url", registry.url());
 * }
 * }</pre>
 *
 * It speaks the subset of Confluent's Schema Registry REST API that ctx uses (subjects, versions, ids, compatibility,
 * config, JSON 404 for anything else) and Apicurio's {@code /apis/registry/v3/ids/contentIds/{id}} lookups, with
 * optional basic or bearer auth and HTTPS. {@link #failNextRequests} makes the next requests answer 500, to test
 * client retry. Run {@link #main} to get one as a separate process.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(SchemaRegistryServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final Builder settings;
    private final RegistryRoutes routes;
    private final AtomicInteger failuresToInject = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private ExecutorService executor;

    private SchemaRegistryServer(Builder settings) {
        this.settings = settings;
        this.routes = new RegistryRoutes(settings.registry);
    }

    /** Returns a builder: free port, no auth, plain HTTP, a fresh registry. */
    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts serving; returns this. */
    public synchronized SchemaRegistryServer start() {
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port);
            server = settings.sslContext == null ? HttpServer.create(address, 0) : https(address);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the test schema registry", e);
        }
        executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "schema-registry-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
        LOGGER.atInfo().addKeyValue("url", url()).log("test schema registry started");
        return this;
    }

    /** Returns the base URL, e.g. {@code http://127.0.0.1:40123}. */
    public String url() {
        return (settings.sslContext == null ? "http" : "https") + "://127.0.0.1:"
                + server.getAddress().getPort();
    }

    /** Returns the registry behind the server, to seed or inspect it directly. */
    public InMemorySchemaRegistry registry() {
        return settings.registry;
    }

    /** Makes the next {@code count} requests fail with HTTP 500 (error code 50001) before reaching the registry. */
    public void failNextRequests(int count) {
        failuresToInject.set(count);
    }

    /** Returns how many requests the server has received, including rejected ones. */
    public int requestCount() {
        return requests.get();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private HttpServer https(InetSocketAddress address) throws IOException {
        HttpsServer httpsServer = HttpsServer.create(address, 0);
        httpsServer.setHttpsConfigurator(new HttpsConfigurator(settings.sslContext) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                ssl.setNeedClientAuth(settings.requireClientCertificate);
                parameters.setSSLParameters(ssl);
            }
        });
        return httpsServer;
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            RegistryRoutes.Reply reply = reply(exchange);
            byte[] body = (reply.rawJson() != null ? reply.rawJson() : JSON.writeValueAsString(reply.json()))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(reply.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private RegistryRoutes.Reply reply(HttpExchange exchange) throws IOException {
        if (failuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return RegistryRoutes.Reply.error(500, 50001, "injected failure");
        }
        if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"schema-registry\"");
            return RegistryRoutes.Reply.error(401, 40101, "Unauthorized");
        }
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            body = bytes.length == 0 ? null : JSON.readTree(bytes);
        } catch (IOException e) {
            return RegistryRoutes.Reply.error(400, 400, "request body is not JSON");
        }
        return routes.handle(
                exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), body);
    }

    private boolean authorized(String header) {
        return settings.expectedAuthorization
                .map(expected -> expected.equals(header))
                .orElse(true);
    }

    /**
     * Runs a server until the process is killed. Arguments: {@code [--port N] [--basic-auth user:password]}. Prints
     * the URL as the only line on standard output once it serves.
     */
    public static void main(String[] args) throws InterruptedException {
        Builder builder = builder();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--port")) {
                builder.port(Integer.parseInt(args[i + 1]));
            } else if (args[i].equals("--basic-auth")) {
                String[] userInfo = args[i + 1].split(":", 2);
                builder.basicAuth(userInfo[0], userInfo[1]);
            } else {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SchemaRegistryServer server = builder.build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println(server.url());
        System.out.flush();
        Thread.currentThread().join();
    }

    /** Settings of a {@link SchemaRegistryServer}. */
    public static final class Builder {
        private int port;
        private Optional<String> expectedAuthorization = Optional.empty();
        private SSLContext sslContext;
        private boolean requireClientCertificate;
        private InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

        private Builder() {}

        /** Port to bind on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Requires HTTP basic auth with these credentials. */
        public Builder basicAuth(String user, String password) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            this.expectedAuthorization = Optional.of("Basic " + token);
            return this;
        }

        /** Requires this bearer token. */
        public Builder bearerToken(String token) {
            this.expectedAuthorization = Optional.of("Bearer " + token);
            return this;
        }

        /** Serves HTTPS with this context instead of plain HTTP. */
        public Builder https(SSLContext context) {
            return https(context, false);
        }

        /**
         * Serves HTTPS with this context; with {@code requireClientCertificate} the TLS handshake demands a client
         * certificate trusted by the context's trust managers (mutual TLS).
         */
        public Builder https(SSLContext context, boolean requireClientCertificate) {
            this.sslContext = context;
            this.requireClientCertificate = requireClientCertificate;
            return this;
        }

        /** Serves this registry instead of a fresh one. */
        public Builder registry(InMemorySchemaRegistry registry) {
            this.registry = registry;
            return this;
        }

        /** Returns the (not yet started) server. */
        public SchemaRegistryServer build() {
            return new SchemaRegistryServer(this);
        }
    }
}
