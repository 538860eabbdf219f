package dev.ctx.keyservice.api;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.javalin.http.HandlerType;

import dev.ctx.keyservice.audit.AuditUnavailableException;
import dev.ctx.keyservice.auditlog.AuditCheckpointNotary;
import dev.ctx.keyservice.auditlog.AuditSigningKeys;
import dev.ctx.keyservice.auth.AccessRule;
import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.Sha256;

/**
 * The audit signer (docs/audit-sealer.md, "Signing call"): {@code GET /v1/audit/signing-keys} (public: verifiers need
 * it), {@code POST /v1/audit/checkpoints} (operator: the sealer's service identity) and
 * {@code POST /v1/audit/signing-keys/rotate} (operator).
 */
final class AuditSigningRoutes {

    static final String KEYS_PATH = "/v1/audit/signing-keys";
    static final String CHECKPOINTS_PATH = "/v1/audit/checkpoints";
    static final String ROTATE_PATH = "/v1/audit/signing-keys/rotate";
    private static final HexFormat HEX = HexFormat.of();

    private final AuditCheckpointNotary notary;

    AuditSigningRoutes(AuditCheckpointNotary notary) {
        this.notary = notary;
    }

    List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(HandlerType.GET, KEYS_PATH, null, c -> c.respond(200, keys(notary.keys()))),
                new ApiRoute(HandlerType.POST, CHECKPOINTS_PATH, AccessRule.OPERATOR, this::sign),
                new ApiRoute(HandlerType.POST, ROTATE_PATH, AccessRule.OPERATOR, this::rotate));
    }

    /** The request body: every checkpoint field the signer does not choose; hashes lower-case hex. */
    record Draft(
            Integer formatVersion,
            Integer partition,
            Long firstSequence,
            Long lastSequence,
            String headHash,
            String merkleRoot,
            String previousCheckpoint) {}

    /** The 200 body: the signed checkpoint. */
    record Signed(
            int formatVersion,
            int partition,
            long firstSequence,
            long lastSequence,
            String headHash,
            String merkleRoot,
            String previousCheckpoint,
            String signedAt,
            String signingKeyId,
            String signature) {}

    record Key(String keyId, String algorithm, String publicKey, String status, String createdAt) {}

    record Keys(List<Key> keys) {}

    static Keys keys(AuditSigningKeys keys) {
        return new Keys(keys.published().stream()
                .map(k -> new Key(
                        k.keyId(),
                        "Ed25519",
                        Base64.getEncoder().encodeToString(k.publicKey().bytes()),
                        k.current() ? "CURRENT" : "RETIRED",
                        k.createdAt().toString()))
                .toList());
    }

    private void sign(ApiCall call) {
        AccessLogCheckpoint draft = parse(call.body(Draft.class));
        AccessLogCheckpoint signed;
        try {
            signed = notary.sign(call.audit(), draft);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid-field", e.getMessage());
        } catch (AuditUnavailableException e) {
            unavailable(call, "the checkpoint event could not be committed; nothing was signed, retry later");
            return;
        }
        call.respond(
                200,
                new Signed(
                        signed.getFormatVersion(),
                        signed.getPartition(),
                        signed.getFirstSequence(),
                        signed.getLastSequence(),
                        HEX.formatHex(signed.getHeadHash().bytes()),
                        HEX.formatHex(signed.getMerkleRoot().bytes()),
                        HEX.formatHex(signed.getPreviousCheckpoint().bytes()),
                        signed.getSignedAt().toString(),
                        signed.getSigningKeyId(),
                        Base64.getEncoder().encodeToString(bytes(signed))));
    }

    private void rotate(ApiCall call) {
        try {
            notary.rotate(call.audit());
        } catch (AuditUnavailableException e) {
            unavailable(call, "the key was rotated but its event is not committed yet; check the audit log");
            return;
        }
        call.respond(201, keys(notary.keys()));
    }

    private static void unavailable(ApiCall call, String detail) {
        call.problem(
                new ApiException(503, "audit-unavailable", "Service unavailable", detail).problem(call.path()),
                Map.of("Retry-After", "1"));
    }

    private static AccessLogCheckpoint parse(Draft body) {
        if (body.formatVersion() == null
                || body.partition() == null
                || body.firstSequence() == null
                || body.lastSequence() == null) {
            throw ApiException.badRequest(
                    "invalid-field", "formatVersion, partition, firstSequence and lastSequence are required");
        }
        return AccessLogCheckpoint.newBuilder()
                .setFormatVersion(body.formatVersion())
                .setPartition(body.partition())
                .setFirstSequence(body.firstSequence())
                .setLastSequence(body.lastSequence())
                .setHeadHash(hash("headHash", body.headHash()))
                .setMerkleRoot(hash("merkleRoot", body.merkleRoot()))
                .setPreviousCheckpoint(hash("previousCheckpoint", body.previousCheckpoint()))
                .setSignedAt(Instant.EPOCH)
                .setSigningKeyId("")
                .setSignature(ByteBuffer.allocate(0))
                .build();
    }

    private static Sha256 hash(String field, String hex) {
        try {
            if (hex == null || hex.length() != 64 || !hex.equals(hex.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException();
            }
            return new Sha256(HEX.parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid-field", field + " must be 64 lower-case hex digits (SHA-256)");
        }
    }

    private static byte[] bytes(AccessLogCheckpoint checkpoint) {
        ByteBuffer copy = checkpoint.getSignature().duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
