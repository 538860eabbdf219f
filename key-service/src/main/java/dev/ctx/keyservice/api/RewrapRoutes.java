package dev.ctx.keyservice.api;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.javalin.http.HandlerType;

import dev.ctx.keyservice.audit.AuditUnavailableException;
import dev.ctx.keyservice.auth.AccessRule;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.rewrap.RewrapBatch;
import dev.ctx.keyservice.rewrap.RewrapItem;
import dev.ctx.keyservice.rewrap.RewrapResult;
import dev.ctx.keyservice.rewrap.RewrapService;

/**
 * {@code POST /v1/rewrap} (operator: the rewrap job's service identity): moves a batch of one participant's wraps to
 * its current key version; one result per item, in order, sent after the batch's {@code REWRAPPED} event committed.
 * Documented in {@code docs/rewrap.md}.
 */
final class RewrapRoutes {

    static final String PATH = "/v1/rewrap";
    private static final int MAX_TRANSACTION_ID = 256;
    private static final int MAX_WRAP_BYTES = 1024;

    private final RewrapService rewrap;

    RewrapRoutes(RewrapService rewrap) {
        this.rewrap = rewrap;
    }

    List<ApiRoute> routes() {
        return List.of(new ApiRoute(HandlerType.POST, PATH, AccessRule.OPERATOR, this::rewrap));
    }

    /** The request body. */
    record Body(String participantId, Integer toVersion, List<Item> items) {}

    /** One envelope: transaction, generation read, and the participant's wrap in it. */
    record Item(String transactionId, Integer generation, Wrap wrap) {}

    /** A wrap: key version and the {@code RecipientWrap.wrap} bytes in standard base64. */
    record Wrap(String recipientId, Integer keyVersion, String wrap) {}

    /** The 200 body: one entry per item, in order. */
    record Results(List<Object> results) {}

    /** {@code viaEscrowKey}: the escrow private key unwrapped the DEK (escrow rotation or participant-held key). */
    record Rewrapped(String transactionId, int generation, Wrap wrap, boolean viaEscrowKey) {}

    record Failed(String transactionId, int generation, String error) {}

    private void rewrap(ApiCall call) {
        Body body = call.body(Body.class, rewrap.settings().maxBodyBytes());
        RewrapBatch batch = parse(body);
        List<RewrapResult> results;
        try {
            results = rewrap.rewrap(call.audit(), batch);
        } catch (AuditUnavailableException e) {
            call.problem(
                    new ApiException(
                                    503,
                                    "audit-unavailable",
                                    "Service unavailable",
                                    "the rewrap event could not be committed; nothing was rewrapped, retry later")
                            .problem(call.path()),
                    Map.of("Retry-After", "1"));
            return;
        }
        call.respond(200, new Results(results.stream().map(RewrapRoutes::view).toList()));
    }

    private static Object view(RewrapResult result) {
        if (result instanceof RewrapResult.Rewrapped done) {
            return new Rewrapped(
                    done.transactionId(),
                    done.generation(),
                    new Wrap(
                            done.wrap().recipientId(),
                            done.wrap().keyVersion(),
                            Base64.getEncoder().encodeToString(done.wrap().toBytes())),
                    done.viaEscrowKey());
        }
        RewrapResult.Failed failed = (RewrapResult.Failed) result;
        return new Failed(
                failed.transactionId(), failed.generation(), failed.error().name());
    }

    private RewrapBatch parse(Body body) {
        ParticipantId participant = ParticipantId.ESCROW.value().equals(body.participantId())
                ? ParticipantId.ESCROW
                : ParticipantId.parse(body.participantId());
        if (body.toVersion() == null || body.toVersion() < 1) {
            throw ApiException.badRequest("invalid-field", "toVersion must be a positive key version");
        }
        if (body.items() == null || body.items().isEmpty()) {
            throw ApiException.badRequest("invalid-field", "items must list at least one envelope");
        }
        int max = rewrap.settings().maxItems();
        if (body.items().size() > max) {
            throw new ApiException(
                    413, "too-many-items", "Content too large", "at most " + max + " items per rewrap call");
        }
        List<RewrapItem> items = new ArrayList<>(body.items().size());
        for (Item item : body.items()) {
            items.add(item(participant, item));
        }
        return new RewrapBatch(participant, body.toVersion(), items);
    }

    private static RewrapItem item(ParticipantId participant, Item item) {
        if (item == null
                || item.transactionId() == null
                || item.transactionId().isEmpty()
                || item.transactionId().length() > MAX_TRANSACTION_ID
                || item.transactionId().chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest(
                    "invalid-field",
                    "each item needs a transactionId of 1.." + MAX_TRANSACTION_ID + " characters without control"
                            + " characters");
        }
        if (item.generation() == null || item.generation() < 1) {
            throw ApiException.badRequest("invalid-field", "each item needs a positive generation");
        }
        Wrap wrap = item.wrap();
        if (wrap == null || wrap.keyVersion() == null || wrap.keyVersion() < 1 || wrap.wrap() == null) {
            throw ApiException.badRequest("invalid-field", "each item needs a wrap with keyVersion and wrap");
        }
        if (wrap.recipientId() != null && !wrap.recipientId().equals(participant.value())) {
            throw ApiException.badRequest("invalid-field", "a wrap's recipientId must be the batch's participantId");
        }
        return new RewrapItem(item.transactionId(), item.generation(), wrap.keyVersion(), decode(wrap.wrap()));
    }

    private static byte[] decode(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            if (bytes.length == 0 || bytes.length > MAX_WRAP_BYTES) {
                throw ApiException.badRequest("invalid-field", "a wrap must be 1.." + MAX_WRAP_BYTES + " bytes");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid-field", "a wrap must be standard base64");
        }
    }
}
