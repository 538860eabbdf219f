package dev.ctx.client.auditlog;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.SealedAccessEvent;

/**
 * Writes an export file (JSON Lines, docs/access-log-chain.md §7): the header, then the records as a source feeds
 * them (checkpoints before entries), then on {@link #close()} a trailer with the counts, so that a file cut short is
 * detected. Every field of every record is written (hashes hex, bytes base64), with its partition and offset.
 */
public final class ExportFileWriter implements AccessLogSink, AutoCloseable {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutputStream out;
    private final JsonGenerator json;
    private long entries;
    private long checkpoints;
    private long undecodable;

    /** Writes {@code header} at once; {@code out} is closed by {@link #close()}. */
    public ExportFileWriter(OutputStream out, ExportHeader header) throws IOException {
        this.out = out;
        this.json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        json.setRootValueSeparator(null);
        json.writeStartObject();
        json.writeStringField(ExportFormat.KIND, ExportFormat.HEADER);
        json.writeStringField("format", ExportFormat.FORMAT);
        json.writeStringField("exportedAt", header.exportedAt());
        json.writeStringField("source", header.source());
        json.writeObjectFieldStart("topics");
        json.writeStringField(ExportFormat.ENTRIES, header.topics().entries());
        json.writeStringField(ExportFormat.CHECKPOINTS, header.topics().checkpoints());
        json.writeEndObject();
        json.writeFieldName("signingKeys");
        JSON.writeTree(json, header.keys().toJsonArray());
        endLine();
    }

    @Override
    public void checkpoint(int partition, long offset, AccessLogCheckpoint checkpoint) {
        try {
            start(ExportFormat.CHECKPOINT, partition, offset, Integer.toString(checkpoint.getPartition()));
            json.writeNumberField("formatVersion", checkpoint.getFormatVersion());
            json.writeNumberField("partition", checkpoint.getPartition());
            json.writeNumberField("firstSequence", checkpoint.getFirstSequence());
            json.writeNumberField("lastSequence", checkpoint.getLastSequence());
            json.writeStringField(
                    "headHash", Hex.encode(checkpoint.getHeadHash().bytes()));
            json.writeStringField(
                    "merkleRoot", Hex.encode(checkpoint.getMerkleRoot().bytes()));
            json.writeStringField(
                    "previousCheckpoint",
                    Hex.encode(checkpoint.getPreviousCheckpoint().bytes()));
            json.writeNumberField("signedAt", checkpoint.getSignedAt().toEpochMilli());
            json.writeStringField("signingKeyId", checkpoint.getSigningKeyId());
            json.writeFieldName("signature");
            json.writeBinary(bytes(checkpoint.getSignature()));
            json.writeEndObject();
            endLine();
            checkpoints++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void entry(int partition, long offset, String key, SealedAccessEvent entry) {
        try {
            start(ExportFormat.ENTRY, partition, offset, key);
            json.writeNumberField("formatVersion", entry.getFormatVersion());
            json.writeNumberField("partition", entry.getPartition());
            json.writeNumberField("sequence", entry.getSequence());
            json.writeStringField("eventId", entry.getEventId());
            json.writeStringField("prevHash", Hex.encode(entry.getPrevHash().bytes()));
            json.writeStringField("hash", Hex.encode(entry.getHash().bytes()));
            json.writeFieldName("event");
            json.writeBinary(bytes(entry.getEvent()));
            json.writeNumberField("sealedAt", entry.getSealedAt().toEpochMilli());
            json.writeNumberField("sourceOffset", entry.getSourceOffset());
            json.writeEndObject();
            endLine();
            entries++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void undecodable(String topic, int partition, long offset, byte[] value, String reason) {
        try {
            json.writeStartObject();
            json.writeStringField(ExportFormat.KIND, ExportFormat.UNDECODABLE);
            json.writeStringField(ExportFormat.TOPIC, topic);
            json.writeNumberField(ExportFormat.PARTITION, partition);
            json.writeNumberField(ExportFormat.OFFSET, offset);
            json.writeStringField(ExportFormat.REASON, reason);
            json.writeFieldName(ExportFormat.VALUE);
            if (value == null) {
                json.writeNull();
            } else {
                json.writeBinary(value);
            }
            endLine();
            undecodable++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void endOfEntries(int partition, long endOffset) {
        try {
            json.writeStartObject();
            json.writeStringField(ExportFormat.KIND, ExportFormat.END);
            json.writeNumberField(ExportFormat.PARTITION, partition);
            json.writeNumberField(ExportFormat.END_OFFSET, endOffset);
            endLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the trailer and closes the stream. */
    @Override
    public void close() throws IOException {
        json.writeStartObject();
        json.writeStringField(ExportFormat.KIND, ExportFormat.TRAILER);
        json.writeNumberField(ExportFormat.ENTRIES, entries);
        json.writeNumberField(ExportFormat.CHECKPOINTS, checkpoints);
        json.writeNumberField(ExportFormat.UNDECODABLE, undecodable);
        endLine();
        json.close();
        out.close();
    }

    private void start(String kind, int partition, long offset, String key) throws IOException {
        json.writeStartObject();
        json.writeStringField(ExportFormat.KIND, kind);
        json.writeNumberField(ExportFormat.PARTITION, partition);
        json.writeNumberField(ExportFormat.OFFSET, offset);
        json.writeStringField(ExportFormat.KEY, key);
        json.writeObjectFieldStart(ExportFormat.RECORD);
    }

    private void endLine() throws IOException {
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
