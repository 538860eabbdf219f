package dev.ctx.processor.audit;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;

import org.apache.avro.AvroRuntimeException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.ctx.processor.keyservice.KeyServiceHttp;
import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.Sha256;

/**
 * {@link CheckpointSigner} over the key service's {@code POST /v1/audit/checkpoints} (docs/audit-sealer.md, "Signing
 * call"): the draft's fields as JSON (hashes lower-case hex), answered with the signed checkpoint (signedAt ISO-8601,
 * signature base64). 200 is a signature; 429 and 5xx (and any I/O failure or timeout) are {@code unavailable}; any
 * other status is {@code refused}; an answer that does not parse is {@code mismatch}. Messages name the status, never
 * a body or the token.
 */
public final class HttpCheckpointSigner implements CheckpointSigner {

    static final String PATH = "/v1/audit/checkpoints";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private final KeyServiceHttp http;

    public HttpCheckpointSigner(KeyServiceHttp http) {
        this.http = http;
    }

    @Override
    public AccessLogCheckpoint sign(CheckpointDraft draft) {
        HttpResponse<byte[]> response;
        try {
            response = http.postJson(PATH, body(draft));
        } catch (IOException e) {
            throw new CheckpointSigningException(
                    CheckpointFailure.UNAVAILABLE,
                    "key service call failed: " + e.getClass().getSimpleName(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckpointSigningException(CheckpointFailure.UNAVAILABLE, "key service call interrupted", e);
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new CheckpointSigningException(CheckpointFailure.UNAVAILABLE, "key service answered " + status);
        }
        if (status != 200) {
            throw new CheckpointSigningException(CheckpointFailure.REFUSED, "key service answered " + status);
        }
        return signed(response.body());
    }

    static byte[] body(CheckpointDraft draft) {
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", 1);
        root.put("partition", draft.partition());
        root.put("firstSequence", draft.firstSequence());
        root.put("lastSequence", draft.lastSequence());
        root.put("headHash", HEX.formatHex(draft.headHash()));
        root.put("merkleRoot", HEX.formatHex(draft.merkleRoot()));
        root.put("previousCheckpoint", HEX.formatHex(draft.previousCheckpoint()));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a checkpoint request", e);
        }
    }

    static AccessLogCheckpoint signed(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return AccessLogCheckpoint.newBuilder()
                    .setFormatVersion(node.path("formatVersion").asInt(-1))
                    .setPartition(node.path("partition").asInt(-1))
                    .setFirstSequence(node.path("firstSequence").asLong(-1))
                    .setLastSequence(node.path("lastSequence").asLong(-1))
                    .setHeadHash(new Sha256(HEX.parseHex(node.path("headHash").asText(""))))
                    .setMerkleRoot(
                            new Sha256(HEX.parseHex(node.path("merkleRoot").asText(""))))
                    .setPreviousCheckpoint(new Sha256(
                            HEX.parseHex(node.path("previousCheckpoint").asText(""))))
                    .setSignedAt(Instant.parse(node.path("signedAt").asText("")))
                    .setSigningKeyId(node.path("signingKeyId").asText(""))
                    .setSignature(ByteBuffer.wrap(
                            Base64.getDecoder().decode(node.path("signature").asText(""))))
                    .build();
        } catch (IOException | IllegalArgumentException | DateTimeParseException | AvroRuntimeException e) {
            throw new CheckpointSigningException(
                    CheckpointFailure.MISMATCH, "key service answer is not a signed checkpoint", e);
        }
    }

    @Override
    public String toString() {
        return "HttpCheckpointSigner[" + http.uri(PATH) + "]";
    }
}
