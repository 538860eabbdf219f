package dev.ctx.keyservice.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;

import dev.ctx.envelope.sign.Ed25519VerifyingKey;
import dev.ctx.keyservice.auth.AccessRule;

/**
 * Registers every key-service route on a Javalin 7 config; shared by {@code KeyServiceMain} and the tests.
 *
 * <pre>{@code
 * Javalin app = Javalin.create(cfg -> KeyServiceRoutes.register(cfg, components));
 * }</pre>
 */
public final class KeyServiceRoutes {

    /** Where the OpenAPI 3.1 document is served. */
    public static final String OPENAPI_PATH = "/v1/openapi.json";
    /** Where the public keyring-signing key is served (no credentials: it is public, and processors pin it). */
    public static final String KEYRING_SIGNING_KEY_PATH = "/v1/keyring-signing-key";

    /** How long a request may send nothing before its connection is closed. */
    static final Duration REQUEST_IDLE_TIMEOUT = Duration.ofSeconds(10);
    /** The slowest a request body may arrive; slower requests are cut off (bodies are at most a few KiB). */
    static final long MIN_REQUEST_BYTES_PER_SECOND = 256;

    private static final String OPENAPI_RESOURCE = "/openapi/key-service.json";

    private KeyServiceRoutes() {}

    public static void register(JavalinConfig cfg, KeyServiceComponents components) {
        ObjectMapper mapper = objectMapper();
        cfg.jsonMapper(new JavalinJackson(mapper, false));
        cfg.http.maxRequestSize = components.maxRequestBytes();
        // a client that stops sending (slowloris) loses its connection instead of holding a thread
        cfg.jetty.modifyHttpConfiguration(http -> {
            http.setIdleTimeout(REQUEST_IDLE_TIMEOUT.toMillis());
            http.setMinRequestDataRate(MIN_REQUEST_BYTES_PER_SECOND);
        });
        cfg.startup.showJavalinBanner = false;
        RequestGuard guard = new RequestGuard(components, mapper);
        for (ApiRoute route : routes(components)) {
            cfg.routes.addEndpoint(new Endpoint(route.method(), route.path(), guard.guard(route)));
        }
        cfg.routes.error(404, "*", ctx -> {
            String written = ctx.res().getContentType();
            if (written == null || !written.startsWith(Problem.CONTENT_TYPE)) {
                RequestGuard.write(
                        ctx, new ApiException(404, "not-found", "Not found", "no such endpoint").problem(ctx.path()));
            }
        });
    }

    /** Every route the service serves, including health and metrics. */
    public static List<String> describeRoutes(KeyServiceComponents components) {
        return routes(components).stream()
                .map(r -> r.method().name() + " " + r.path())
                .toList();
    }

    static List<ApiRoute> routes(KeyServiceComponents components) {
        List<ApiRoute> routes = new ArrayList<>();
        routes.add(new ApiRoute(HandlerType.GET, "/health/live", null, c -> probe(c, components.live(), "live")));
        routes.add(new ApiRoute(HandlerType.GET, "/health/ready", null, c -> probe(c, components.ready(), "ready")));
        routes.add(new ApiRoute(
                HandlerType.GET,
                "/metrics",
                AccessRule.OPERATOR,
                c -> c.text(components.metrics().scrape())));
        routes.add(new ApiRoute(
                HandlerType.GET, OPENAPI_PATH, AccessRule.AUTHENTICATED, c -> c.rawJson(openApiDocument())));
        routes.add(new ApiRoute(
                HandlerType.GET, KEYRING_SIGNING_KEY_PATH, null, c -> signingKey(c, components.keyringSigningKey())));
        routes.addAll(new ParticipantRoutes(components.registry()).routes());
        ParticipantHeldKeyRoutes participantHeld = new ParticipantHeldKeyRoutes(components);
        routes.addAll(new KeyRoutes(components.registry(), components.keys(), components.rotation(), participantHeld)
                .routes());
        routes.add(participantHeld.proofRoute());
        routes.addAll(new GrantRoutes(components.grants()).routes());
        if (components.access() != null) {
            routes.addAll(new AccessRoutes(components.access()).routes());
        }
        if (components.receiptProofs() != null) {
            routes.addAll(new ReceiptProofRoutes(components.receiptProofs()).routes());
        }
        if (components.escrow() != null) {
            routes.addAll(new EscrowRoutes(components.escrow()).routes());
        }
        if (components.rewrap() != null) {
            routes.addAll(new RewrapRoutes(components.rewrap()).routes());
        }
        if (components.revocations() != null) {
            routes.addAll(new RevocationRoutes(components.revocations(), components.events(), components.auditSink())
                    .routes());
        }
        if (components.auditCheckpoints() != null) {
            routes.addAll(new AuditSigningRoutes(components.auditCheckpoints()).routes());
        }
        return routes;
    }

    /**
     * Ready while the store accepts writes; not ready while it recovers by itself from a write with an unknown outcome.
     * A store whose producer was fenced or failed fatally never recovers in this process, so both probes fail and the
     * orchestrator restarts it (the new instance replays the topics).
     */
    private static void probe(ApiCall call, BooleanSupplier check, String state) {
        boolean ok = check.getAsBoolean();
        call.respond(ok ? 200 : 503, Map.of("status", ok ? state : "not " + state));
    }

    /** The raw 32-byte Ed25519 public key (standard base64) and its SHA-256 fingerprint (lower-case hex). */
    private static void signingKey(ApiCall call, Ed25519VerifyingKey key) {
        call.respond(
                200,
                Map.of(
                        "algorithm",
                        "Ed25519",
                        "publicKey",
                        Base64.getEncoder().encodeToString(key.bytes()),
                        "fingerprint",
                        key.fingerprint()));
    }

    /** The hand-written OpenAPI 3.1 document. */
    public static String openApiDocument() {
        try (InputStream in = KeyServiceRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // {"role":"client","role":"operator"} is malformed, not "the last one wins"
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }
}
