package dev.ctx.keyservice.api;

import java.util.List;

import io.javalin.http.HandlerType;

import dev.ctx.keyservice.auth.AccessRule;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.participants.ParticipantRegistry;
import dev.ctx.keyservice.participants.ParticipantUpdate;
import dev.ctx.schemas.keys.KycStatus;

/** {@code /v1/participants}: register, list, get, update status/KYC/purposes. */
final class ParticipantRoutes {

    private final ParticipantRegistry registry;

    ParticipantRoutes(ParticipantRegistry registry) {
        this.registry = registry;
    }

    List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(HandlerType.POST, "/v1/participants", AccessRule.OPERATOR, this::register),
                new ApiRoute(HandlerType.GET, "/v1/participants", AccessRule.OPERATOR_OR_COMPLIANCE, this::list),
                new ApiRoute(
                        HandlerType.GET, "/v1/participants/{id}", AccessRule.OWNER_OPERATOR_OR_COMPLIANCE, this::get),
                new ApiRoute(HandlerType.PATCH, "/v1/participants/{id}", AccessRule.OPERATOR, this::update));
    }

    private void register(ApiCall call) {
        Requests.RegisterParticipant body = call.body(Requests.RegisterParticipant.class);
        ParticipantId id = ParticipantId.parse(body.id());
        List<String> purposes = Requests.purposes(body.allowedPurposes());
        call.respond(
                201,
                Responses.ParticipantView.of(registry.register(
                        call.audit(),
                        id,
                        body.parsedRole(),
                        body.parsedKyc(),
                        purposes == null ? List.of() : purposes)));
    }

    private void list(ApiCall call) {
        call.respond(
                200, registry.list().stream().map(Responses.ParticipantView::of).toList());
    }

    private void get(ApiCall call) {
        call.respond(200, Responses.ParticipantView.of(registry.get(call.participantId())));
    }

    private void update(ApiCall call) {
        Requests.UpdateParticipant body = call.body(Requests.UpdateParticipant.class);
        ParticipantUpdate update = new ParticipantUpdate(
                Requests.status(body.status()),
                Requests.parse(KycStatus.class, "kycStatus", body.kycStatus()),
                Requests.purposes(body.allowedPurposes()),
                body.expectedRevision());
        call.respond(200, Responses.ParticipantView.of(registry.update(call.audit(), call.participantId(), update)));
    }
}
