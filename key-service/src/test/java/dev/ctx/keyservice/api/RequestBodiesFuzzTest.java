package dev.ctx.keyservice.api;

import java.util.List;
import java.util.function.Consumer;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Fuzz target for the key service's JSON request bodies (access requests, escrow filings and rejections, grants,
 * participants, keys, revocations, rewrap batches) as the routes read them: any bytes are read and validated into the
 * route's request, or refused with a 400 {@link ApiException}; never another exception, a hang or an allocation
 * beyond the body's size. The committed corpus (src/test/resources/dev/ctx/keyservice/api/RequestBodiesFuzzTestInputs)
 * holds valid bodies of each route plus duplicate members, deep nesting, huge numbers and wrong types.
 */
class RequestBodiesFuzzTest {

    private static final ObjectMapper MAPPER = KeyServiceRoutes.objectMapper();

    private static final List<Consumer<byte[]>> READERS = List.of(
            bytes -> read(bytes, AccessRoutes.Body.class).parsed(),
            bytes -> read(bytes, EscrowJson.File.class).toFiling(),
            bytes -> read(bytes, EscrowJson.Reject.class),
            bytes -> read(bytes, GrantJson.CreateGrant.class).toRequest(),
            bytes -> {
                Requests.RegisterParticipant body = read(bytes, Requests.RegisterParticipant.class);
                body.parsedRole();
                body.parsedKyc();
                Requests.purposes(body.allowedPurposes());
            },
            bytes -> {
                Requests.UpdateParticipant body = read(bytes, Requests.UpdateParticipant.class);
                Requests.status(body.status());
                Requests.purposes(body.allowedPurposes());
            },
            bytes -> read(bytes, Requests.CreateKey.class),
            bytes -> read(bytes, Requests.Retire.class),
            bytes -> read(bytes, Requests.PossessionProof.class),
            bytes -> read(bytes, RevocationRoutes.Revoke.class),
            bytes -> read(bytes, RewrapRoutes.Body.class));

    @FuzzTest(maxDuration = "60s")
    void everyBodyIsReadOrRefusedWith400(byte[] input) {
        FuzzProperty.onlyTypedRejections(input, List.of(ApiException.class), body -> {
            for (Consumer<byte[]> reader : READERS) {
                try {
                    reader.accept(body);
                } catch (ApiException e) {
                    if (e.status() != 400) {
                        throw new AssertionError("a body was refused with " + e.status() + ", not 400", e);
                    }
                }
            }
        });
    }

    private static <T> T read(byte[] bytes, Class<T> type) {
        T value = RequestBodies.read(MAPPER, bytes, type);
        if (value == null) {
            throw ApiException.badRequest("malformed-json", "request body must be a JSON object");
        }
        return value;
    }
}
