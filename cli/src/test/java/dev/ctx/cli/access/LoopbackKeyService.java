package dev.ctx.cli.access;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on loopback answering the key service's read-API contract as a test scripts it (request body in,
 * {@code status} and JSON body out), for the commands' tests; the end-to-end run against the real key service is an
 * IT of the key service.
 */
public final class LoopbackKeyService implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Function<String, Reply>> routes = new ConcurrentHashMap<>();

    private LoopbackKeyService(HttpServer server) {
        this.server = server;
    }

    public static LoopbackKeyService start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LoopbackKeyService service = new LoopbackKeyService(server);
            server.createContext("/", service::handle);
            server.start();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} with {@code status} and the body computed from the request body. */
    public void on(String method, String path, int status, UnaryOperator<String> body) {
        reply(method, path, request -> new Reply(status, body.apply(request)));
    }

    /** Answers {@code method path} with the reply computed from the request body. */
    public void reply(String method, String path, Function<String, Reply> reply) {
        routes.put(method + " " + path, reply);
    }

    /** Answers with an RFC 9457 problem carrying {@code reason}. */
    public void problem(String method, String path, int status, String reason) {
        reply(method, path, request -> Reply.problem(status, reason));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String route =
                exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Reply reply = routes.getOrDefault(route, ignored -> Reply.problem(404, "NO_ROUTE"))
                .apply(request);
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A status and a JSON body. */
    public record Reply(int status, String body) {

        /** An RFC 9457 problem carrying {@code reason}. */
        public static Reply problem(int status, String reason) {
            return new Reply(status, "{\"title\":\"Refused\",\"status\":" + status + ",\"reason\":\"" + reason + "\"}");
        }
    }
}
