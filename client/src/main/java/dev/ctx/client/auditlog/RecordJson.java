package dev.ctx.client.auditlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.SealedAccessEvent;
import dev.ctx.schemas.auditlog.Sha256;

/** The JSON form of an entry and a checkpoint (every field; hashes hex, bytes base64), as in an inclusion proof. */
final class RecordJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordJson() {}

    static ObjectNode entry(SealedAccessEvent entry) {
        ObjectNode node = JSON.createObjectNode();
        node.put("formatVersion", entry.getFormatVersion());
        node.put("partition", entry.getPartition());
        node.put("sequence", entry.getSequence());
        node.put("eventId", entry.getEventId());
        node.put("prevHash", Hex.encode(entry.getPrevHash().bytes()));
        node.put("hash", Hex.encode(entry.getHash().bytes()));
        node.put("event", bytes(entry.getEvent()));
        node.put("sealedAt", entry.getSealedAt().toEpochMilli());
        node.put("sourceOffset", entry.getSourceOffset());
        return node;
    }

    static ObjectNode checkpoint(AccessLogCheckpoint checkpoint) {
        ObjectNode node = JSON.createObjectNode();
        node.put("formatVersion", checkpoint.getFormatVersion());
        node.put("partition", checkpoint.getPartition());
        node.put("firstSequence", checkpoint.getFirstSequence());
        node.put("lastSequence", checkpoint.getLastSequence());
        node.put("headHash", Hex.encode(checkpoint.getHeadHash().bytes()));
        node.put("merkleRoot", Hex.encode(checkpoint.getMerkleRoot().bytes()));
        node.put(
                "previousCheckpoint",
                Hex.encode(checkpoint.getPreviousCheckpoint().bytes()));
        node.put("signedAt", checkpoint.getSignedAt().toEpochMilli());
        node.put("signingKeyId", checkpoint.getSigningKeyId());
        node.put("signature", bytes(checkpoint.getSignature()));
        return node;
    }

    static SealedAccessEvent entry(JsonNode node) throws IOException {
        return SealedAccessEvent.newBuilder()
                .setFormatVersion(required(node, "formatVersion").asInt())
                .setPartition(required(node, "partition").asInt())
                .setSequence(required(node, "sequence").asLong())
                .setEventId(required(node, "eventId").asText())
                .setPrevHash(hash(node, "prevHash"))
                .setHash(hash(node, "hash"))
                .setEvent(ByteBuffer.wrap(required(node, "event").binaryValue()))
                .setSealedAt(Instant.ofEpochMilli(required(node, "sealedAt").asLong()))
                .setSourceOffset(required(node, "sourceOffset").asLong())
                .build();
    }

    static AccessLogCheckpoint checkpoint(JsonNode node) throws IOException {
        return AccessLogCheckpoint.newBuilder()
                .setFormatVersion(required(node, "formatVersion").asInt())
                .setPartition(required(node, "partition").asInt())
                .setFirstSequence(required(node, "firstSequence").asLong())
                .setLastSequence(required(node, "lastSequence").asLong())
                .setHeadHash(hash(node, "headHash"))
                .setMerkleRoot(hash(node, "merkleRoot"))
                .setPreviousCheckpoint(hash(node, "previousCheckpoint"))
                .setSignedAt(Instant.ofEpochMilli(required(node, "signedAt").asLong()))
                .setSigningKeyId(required(node, "signingKeyId").asText())
                .setSignature(ByteBuffer.wrap(required(node, "signature").binaryValue()))
                .build();
    }

    static Sha256 hash(JsonNode node, String field) throws IOException {
        byte[] bytes = hex(required(node, field).asText(), field);
        return new Sha256(bytes);
    }

    static byte[] hex(String text, String field) throws IOException {
        if (text.length() != 64) {
            throw new IOException(field + " is not 64 hex digits");
        }
        try {
            return Hex.decode(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(field + " is not hex", e);
        }
    }

    static JsonNode required(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IOException("missing field " + field);
        }
        return value;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
