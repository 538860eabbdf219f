package dev.ctx.keyservice.api;

import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

import io.javalin.http.HandlerType;

import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.keyservice.auth.AccessRule;
import dev.ctx.keyservice.byok.ChallengeExpiredException;
import dev.ctx.keyservice.byok.IssuedChallenge;
import dev.ctx.keyservice.byok.ProofFailedException;
import dev.ctx.schemas.access.AccessEventType;

/**
 * Participant-held keys (BYOK), only for the participant itself: {@code POST /v1/participants/{id}/keys} with a
 * {@code publicKey} body starts a proof of possession (202), {@code POST .../keys/{version}/proof} finishes it (200).
 */
final class ParticipantHeldKeyRoutes {

    static final String PROOF_PATH = "/v1/participants/{id}/keys/{version}/proof";
    private static final Pattern CHALLENGE_ID = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    private final KeyServiceComponents components;

    ParticipantHeldKeyRoutes(KeyServiceComponents components) {
        this.components = components;
    }

    ApiRoute proofRoute() {
        return new ApiRoute(HandlerType.POST, PROOF_PATH, AccessRule.OWNER_OR_OPERATOR, this::prove);
    }

    /** {@code POST /v1/participants/{id}/keys {publicKey}}: 202 with the sealed challenge. */
    void challenge(ApiCall call, String publicKeyBase64) {
        requireTheParticipant(call);
        byte[] publicKey = decode("publicKey", publicKeyBase64);
        IssuedChallenge issued;
        try {
            issued = components.participantHeldKeys().challenge(call.audit(), call.participantId(), publicKey);
        } catch (InvalidInputException e) {
            throw ApiException.badRequest("invalid-field", "publicKey must be a 32-byte X25519 public key");
        }
        call.respond(202, Responses.PossessionChallenge.of(issued));
    }

    /** {@code POST .../keys/{version}/proof {challengeId, answer}}: 200 with the new current key version. */
    private void prove(ApiCall call) {
        requireTheParticipant(call);
        Requests.PossessionProof body = call.body(Requests.PossessionProof.class);
        if (body.challengeId() == null
                || !CHALLENGE_ID.matcher(body.challengeId()).matches()) {
            throw ApiException.badRequest("invalid-field", "challengeId must be the id the challenge named");
        }
        byte[] answer = decode("answer", body.answer());
        try {
            call.respond(
                    200,
                    Responses.KeyView.of(components
                            .participantHeldKeys()
                            .prove(call.audit(), call.participantId(), call.version(), body.challengeId(), answer)));
        } catch (ProofFailedException e) {
            throw new ApiException(403, "proof-failed", "Forbidden", e.getMessage());
        } catch (ChallengeExpiredException e) {
            throw new ApiException(410, "challenge-expired", "Gone", e.getMessage());
        }
    }

    /** Only the participant proves possession of its own key; an operator may not do it for it. */
    private void requireTheParticipant(ApiCall call) {
        String id = call.participantId().value();
        if (!call.identity().isParticipant(id)) {
            components
                    .auditSink()
                    .submit(components
                            .events()
                            .denied(
                                    AccessEventType.ACCESS_DENIED,
                                    "participant:" + id + "/keys",
                                    call.audit(),
                                    "NOT_THAT_PARTICIPANT",
                                    Map.of("participantId", id, "operation", "participant-held-key")));
            throw new ApiException(
                    403, "forbidden", "Forbidden", "only the participant itself registers a participant-held key");
        }
    }

    /** Standard or URL-safe base64, padded or not; 400 otherwise. */
    private static byte[] decode(String field, String value) {
        if (value == null) {
            throw ApiException.badRequest("invalid-field", field + " is required");
        }
        try {
            return value.indexOf('-') >= 0 || value.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(value)
                    : Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid-field", field + " must be base64");
        }
    }
}
