package dev.ctx.keyservice.api;

import java.util.List;

import io.javalin.http.HandlerType;

import dev.ctx.keyservice.auth.AccessRule;
import dev.ctx.keyservice.participants.ConflictException;
import dev.ctx.keyservice.participants.KeyLifecycle;
import dev.ctx.keyservice.participants.Participant;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.participants.ParticipantRegistry;
import dev.ctx.keyservice.rotation.MaxAgeRotation;

/** Participant keys, the audit escrow key and the rotation policy check. */
final class KeyRoutes {

    private final ParticipantRegistry registry;
    private final KeyLifecycle keys;
    private final MaxAgeRotation rotation;
    private final ParticipantHeldKeyRoutes participantHeld;

    KeyRoutes(
            ParticipantRegistry registry,
            KeyLifecycle keys,
            MaxAgeRotation rotation,
            ParticipantHeldKeyRoutes participantHeld) {
        this.registry = registry;
        this.keys = keys;
        this.rotation = rotation;
        this.participantHeld = participantHeld;
    }

    List<ApiRoute> routes() {
        String key = "/v1/participants/{id}/keys/{version}";
        return List.of(
                new ApiRoute(HandlerType.GET, "/v1/participants/{id}/keys", AccessRule.AUTHENTICATED, this::list),
                new ApiRoute(
                        HandlerType.POST, "/v1/participants/{id}/keys", AccessRule.OWNER_OR_OPERATOR, this::createKey),
                new ApiRoute(
                        HandlerType.POST,
                        "/v1/participants/{id}/keys/rotate",
                        AccessRule.OWNER_OR_OPERATOR,
                        c -> c.respond(201, Responses.KeyView.of(keys.rotate(c.audit(), c.participantId())))),
                new ApiRoute(HandlerType.POST, key + "/retire", AccessRule.OPERATOR, c -> retire(c, c.participantId())),
                new ApiRoute(
                        HandlerType.POST,
                        key + "/revoke",
                        AccessRule.OWNER_OR_OPERATOR,
                        c -> c.respond(
                                200, Responses.KeyView.of(keys.revoke(c.audit(), c.participantId(), c.version())))),
                new ApiRoute(
                        HandlerType.DELETE,
                        key,
                        AccessRule.OPERATOR,
                        c -> c.respond(
                                200, Responses.KeyView.of(keys.destroy(c.audit(), c.participantId(), c.version())))),
                new ApiRoute(
                        HandlerType.GET,
                        "/v1/escrow/key",
                        AccessRule.AUTHENTICATED,
                        c -> keyList(c, ParticipantId.ESCROW)),
                new ApiRoute(
                        HandlerType.POST,
                        "/v1/escrow/key",
                        AccessRule.OPERATOR_OR_COMPLIANCE,
                        c -> c.respond(201, Responses.KeyView.of(keys.createEscrowKey(c.audit())))),
                new ApiRoute(
                        HandlerType.POST,
                        "/v1/escrow/key/rotate",
                        AccessRule.OPERATOR_OR_COMPLIANCE,
                        c -> c.respond(201, Responses.KeyView.of(keys.rotate(c.audit(), ParticipantId.ESCROW)))),
                new ApiRoute(
                        HandlerType.POST,
                        "/v1/escrow/key/{version}/retire",
                        AccessRule.OPERATOR,
                        c -> retire(c, ParticipantId.ESCROW)),
                new ApiRoute(HandlerType.POST, "/v1/rotation/run", AccessRule.OPERATOR, this::runRotation));
    }

    /**
     * No body or no {@code publicKey}: a custodial key (201); a {@code publicKey}: a participant-held key's proof of
     * possession starts (202).
     */
    private void createKey(ApiCall call) {
        Requests.CreateKey body = call.hasBody() ? call.body(Requests.CreateKey.class) : new Requests.CreateKey(null);
        if (body.publicKey() != null) {
            participantHeld.challenge(call, body.publicKey());
        } else {
            call.respond(201, Responses.KeyView.of(keys.createKey(call.audit(), call.participantId())));
        }
    }

    /** Only at zero remaining envelopes (the rewrap job counts them; this service cannot). */
    private void retire(ApiCall call, ParticipantId id) {
        Requests.Retire body = call.hasBody() ? call.body(Requests.Retire.class) : new Requests.Retire(null);
        if (body.remainingEnvelopes() == null || body.remainingEnvelopes() != 0) {
            throw new ConflictException("a key version is retired only when no envelope wraps under it: send "
                    + "{\"remainingEnvelopes\": 0} once the rewrap job moved every envelope"
                    + (body.remainingEnvelopes() == null ? "" : " (" + body.remainingEnvelopes() + " remain)"));
        }
        call.respond(200, Responses.KeyView.of(keys.retire(call.audit(), id, call.version())));
    }

    private void list(ApiCall call) {
        keyList(call, call.participantId());
    }

    private void keyList(ApiCall call, ParticipantId id) {
        Participant participant = registry.get(id);
        call.respond(
                200,
                new Responses.KeyList(
                        id.value(),
                        participant.currentVersion(),
                        participant.keys().stream().map(Responses.KeyView::of).toList()));
    }

    private void runRotation(ApiCall call) {
        call.respond(
                200,
                new Responses.RotationRun(
                        rotation.maxAge().toString(),
                        rotation.run(call.audit()).stream()
                                .map(r ->
                                        new Responses.Rotated(r.participantId().value(), r.version()))
                                .toList()));
    }
}
