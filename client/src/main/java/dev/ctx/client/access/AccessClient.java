package dev.ctx.client.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ctx.envelope.key.X25519PublicKey;

/**
 * The key service's read API for one caller: access requests, grants and the participant-held-key registration.
 * Credentials: a bearer token (asked of the supplier on every call, so it may refresh) and/or the client certificate
 * of the {@link SSLContext}. Every error answer is a typed {@link dev.ctx.client.access.error.KeyServiceException}
 * subclass (see {@code docs/consumer-client.md} for the table). Thread-safe; one instance per caller identity.
 */
public final class AccessClient {

    private static final Set<Integer> OK = Set.of(200);

    private final JsonHttp http;

    private AccessClient(JsonHttp http) {
        this.http = http;
    }

    /** A builder for the key service at {@code baseUrl} (e.g. {@code https://keys.example:8443}). */
    public static Builder builder(URI baseUrl) {
        return new Builder(baseUrl);
    }

    /** {@code POST /v1/access-requests} for every field the purpose's access level releases. */
    public AccessResult requestAccess(String transactionId, String purpose) {
        return requestAccess(transactionId, purpose, List.of());
    }

    /**
     * {@code POST /v1/access-requests}: the named {@code fields} (empty or null: all the purpose's access level
     * releases).
     *
     * @throws dev.ctx.client.access.error.AccessDeniedException 403, with the reason code
     * @throws dev.ctx.client.access.error.ParticipantHeldKeyException 409: the caller holds its own key, open locally
     */
    public AccessResult requestAccess(String transactionId, String purpose, List<String> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transactionId", Objects.requireNonNull(transactionId, "transactionId"));
        body.put("purpose", Objects.requireNonNull(purpose, "purpose"));
        if (fields != null && !fields.isEmpty()) {
            body.put("fields", List.copyOf(fields));
        }
        String path = "/v1/access-requests";
        return Answers.accessResult("POST " + path, http.send("POST", path, body, OK));
    }

    /** {@code POST /v1/grants} (operator or compliance officer). */
    public CreatedGrant createGrant(GrantRequest grant) {
        String path = "/v1/grants";
        return Answers.createdGrant("POST " + path, http.send("POST", path, grant.body(), Set.of(200, 201)));
    }

    /** {@code GET /v1/grants?grantee=}: the grants held by {@code grantee}. */
    public List<JsonNode> grants(String grantee) {
        String path = "/v1/grants?grantee=" + JsonHttp.segment(grantee);
        return Answers.list("GET " + path, http.send("GET", path, null, OK));
    }

    /**
     * {@code DELETE /v1/grants/{grantId}}.
     *
     * @throws dev.ctx.client.access.error.NotFoundException if no such grant exists
     */
    public void revokeGrant(String grantId) {
        http.send("DELETE", "/v1/grants/" + JsonHttp.segment(grantId), null, Set.of(200, 204));
    }

    /**
     * {@code POST /v1/participants/{id}/keys {publicKey}}: starts the proof of possession of a participant-held key.
     * Answer the challenge with {@link #proveKeyPossession} (or let {@code ProofOfPossession} do both).
     */
    public KeyChallenge registerOwnKey(String participantId, X25519PublicKey publicKey) {
        String path = "/v1/participants/" + JsonHttp.segment(participantId) + "/keys";
        Map<String, Object> body = Map.of("publicKey", Base64.getEncoder().encodeToString(publicKey.bytes()));
        return Answers.keyChallenge("POST " + path, http.send("POST", path, body, Set.of(200, 201, 202)));
    }

    /**
     * {@code POST /v1/participants/{id}/keys/{version}/proof}: the opened challenge; on success that version is the
     * participant's current key.
     *
     * @throws dev.ctx.client.access.error.ProofFailedException 403 PROOF_FAILED
     * @throws dev.ctx.client.access.error.ChallengeExpiredException 410 CHALLENGE_EXPIRED
     */
    public void proveKeyPossession(String participantId, int keyVersion, String challengeId, byte[] answer) {
        String path = "/v1/participants/" + JsonHttp.segment(participantId) + "/keys/" + keyVersion + "/proof";
        Map<String, Object> body =
                Map.of("challengeId", challengeId, "answer", Base64.getEncoder().encodeToString(answer));
        http.send("POST", path, body, Set.of(200, 204));
    }

    /** Configures an {@link AccessClient}; not thread-safe. */
    public static final class Builder {

        private final URI baseUrl;
        private SSLContext sslContext;
        private Supplier<Optional<String>> token = Optional::empty;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);

        private Builder(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        }

        /** TLS for {@code https} URLs: trust for the service and, for mTLS, the caller's client certificate. */
        public Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "context");
            return this;
        }

        /** The bearer JWT, asked for on every call; an empty answer sends no {@code Authorization} header. */
        public Builder token(Supplier<Optional<String>> supplier) {
            this.token = Objects.requireNonNull(supplier, "supplier");
            return this;
        }

        /** A fixed bearer JWT. */
        public Builder token(String bearer) {
            Optional<String> fixed = Optional.of(bearer);
            return token(() -> fixed);
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public AccessClient build() {
            HttpClient.Builder http =
                    HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER);
            if (sslContext != null) {
                http.sslContext(sslContext);
            }
            return new AccessClient(new JsonHttp(http.build(), baseUrl, token, requestTimeout));
        }
    }
}
