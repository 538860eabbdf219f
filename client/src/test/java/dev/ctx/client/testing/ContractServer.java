package dev.ctx.client.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * A real HTTP server on loopback (the JDK's {@link HttpServer}) that answers the key service's read-API contract as
 * each test scripts it, and records what it received. For the client's contract tests; the end-to-end test runs
 * against the real key service.
 */
public final class ContractServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Function<Received, Answer>> routes = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private ContractServer(HttpServer server) {
        this.server = server;
    }

    /** Starts on an ephemeral loopback port. */
    public static ContractServer start() {
        try {
            return started(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts HTTPS on an ephemeral loopback port, requiring a client certificate the context trusts. */
    public static ContractServer startHttpsWithClientAuth(SSLContext context) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(context) {
                @Override
                public void configure(HttpsParameters parameters) {
                    SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                    ssl.setNeedClientAuth(true);
                    parameters.setSSLParameters(ssl);
                }
            });
            return started(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ContractServer started(HttpServer server) {
        ContractServer contract = new ContractServer(server);
        server.createContext("/", contract::handle);
        server.start();
        return contract;
    }

    public URI baseUrl() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers {@code method path} (path with query) with {@code answer}. */
    public void on(String method, String path, Answer answer) {
        routes.put(method + " " + path, request -> answer);
    }

    /** Answers {@code method path} by computing the answer from the request. */
    public void on(String method, String path, Function<Received, Answer> answer) {
        routes.put(method + " " + path, answer);
    }

    /** The requests received so far, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null
                        ? ""
                        : "?" + exchange.getRequestURI().getRawQuery());
        Received request = new Received(
                exchange.getRequestMethod(),
                target,
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                peer(exchange));
        received.add(request);
        Function<Received, Answer> route = routes.get(request.method() + " " + target);
        Answer answer = route == null ? Answer.problem(404, "NO_ROUTE", "no route") : route.apply(request);
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String peer(HttpExchange exchange) {
        if (!(exchange instanceof HttpsExchange https)) {
            return null;
        }
        try {
            return https.getSSLSession().getPeerPrincipal().getName();
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One received request. */
    public record Received(
            String method,
            String target,
            String authorization,
            String contentType,
            String body,
            String clientCertificateSubject) {}

    /** One scripted answer. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public static Answer json(int status, String body) {
            return new Answer(status, Map.of("Content-Type", "application/json"), body);
        }

        public static Answer empty(int status) {
            return new Answer(status, Map.of(), "");
        }

        /** An RFC 9457 problem with a {@code reason} member. */
        public static Answer problem(int status, String reason, String title) {
            return new Answer(
                    status,
                    Map.of("Content-Type", "application/problem+json"),
                    "{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\"" + title + "\",\"reason\":\""
                            + reason + "\"}");
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> all = new HashMap<>(headers);
            all.put(name, value);
            return new Answer(status, Map.copyOf(all), body);
        }
    }
}
