package dev.ctx.client.auditlog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.SealedAccessEvent;
import dev.ctx.schemas.auditlog.Sha256;

/**
 * Reads an export file (docs/access-log-chain.md §7) with a streaming parser, one line at a time, into a sink. The
 * file's structure is checked (header first, known line kinds, every field present, a trailer whose counts match);
 * the records' content is the sink's to check. Not thread-safe; close it.
 */
public final class ExportFileReader implements AutoCloseable {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final JsonParser parser;
    private final ExportHeader header;
    /** The ASCII of the base64 value being decoded; grows to the longest one. */
    private byte[] ascii = new byte[1024];

    private ExportFileReader(InputStream in) throws IOException {
        this.in = in;
        this.parser = FACTORY.createParser(in);
        this.header = readHeader();
    }

    /** Opens {@code file} and reads its header. */
    public static ExportFileReader open(Path file) throws IOException {
        return new ExportFileReader(new BufferedInputStream(Files.newInputStream(file), BUFFER));
    }

    /** Reads the header from {@code in}; closing the reader closes {@code in}. */
    public static ExportFileReader open(InputStream in) throws IOException {
        return new ExportFileReader(in);
    }

    /** The header line. */
    public ExportHeader header() {
        return header;
    }

    /**
     * Feeds every line after the header to {@code sink}, up to the trailer.
     *
     * @throws ExportFileException when the file is not a well-formed export (the line says where)
     */
    public void readInto(AccessLogSink sink) throws IOException {
        long entries = 0;
        long checkpoints = 0;
        long undecodable = 0;
        try {
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    throw new ExportFileException(line(), "the file ends without a trailer line (cut short?)", true);
                }
                expect(token == JsonToken.START_OBJECT, "a line is not a JSON object");
                String kind = kindField();
                switch (kind) {
                    case ExportFormat.ENTRY -> {
                        readEntry(sink);
                        entries++;
                    }
                    case ExportFormat.CHECKPOINT -> {
                        readCheckpoint(sink);
                        checkpoints++;
                    }
                    case ExportFormat.UNDECODABLE -> {
                        readUndecodable(sink);
                        undecodable++;
                    }
                    case ExportFormat.END -> readEnd(sink);
                    case ExportFormat.TRAILER -> {
                        readTrailer(entries, checkpoints, undecodable);
                        return;
                    }
                    default -> throw fail("unknown line kind " + kind);
                }
            }
        } catch (JsonProcessingException e) {
            throw new ExportFileException(line(), "not JSON Lines: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
        in.close();
    }

    private ExportHeader readHeader() throws IOException {
        try {
            JsonToken token = parser.nextToken();
            expect(token == JsonToken.START_OBJECT, "the file does not start with a header object");
            JsonNode node = JSON.readTree(parser);
            expect(ExportFormat.HEADER.equals(node.path(ExportFormat.KIND).asText()), "the first line is no header");
            String format = node.path("format").asText();
            expect(ExportFormat.FORMAT.equals(format), "format " + format + " is not " + ExportFormat.FORMAT);
            JsonNode topics = node.path("topics");
            JsonNode keys = node.path("signingKeys");
            expect(keys.isArray(), "the header has no signingKeys array");
            return new ExportHeader(
                    format,
                    node.path("exportedAt").asText(""),
                    node.path("source").asText(""),
                    new AccessLogTopics(
                            topics.path(ExportFormat.ENTRIES).asText("access-log"),
                            topics.path(ExportFormat.CHECKPOINTS).asText("access-log.checkpoints")),
                    SigningKeys.fromArray(keys));
        } catch (JsonProcessingException e) {
            throw new ExportFileException(line(), "not JSON Lines: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads the first field, which must be {@code kind}. */
    private String kindField() throws IOException {
        expect(
                parser.nextToken() == JsonToken.FIELD_NAME && ExportFormat.KIND.equals(parser.currentName()),
                "a line does not start with \"kind\"");
        expect(parser.nextToken() == JsonToken.VALUE_STRING, "\"kind\" is not a string");
        return parser.getText();
    }

    private void readEntry(AccessLogSink sink) throws IOException {
        int partition = -1;
        long offset = -1;
        String key = null;
        SealedAccessEvent entry = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case ExportFormat.PARTITION -> partition = parser.getIntValue();
                case ExportFormat.OFFSET -> offset = parser.getLongValue();
                case ExportFormat.KEY -> key = parser.getValueAsString();
                case ExportFormat.RECORD -> entry = readEntryRecord();
                default -> parser.skipChildren();
            }
        }
        expect(partition >= 0 && offset >= 0 && entry != null, "an entry line lacks partition, offset or record");
        sink.entry(partition, offset, key, entry);
    }

    private SealedAccessEvent readEntryRecord() throws IOException {
        expect(parser.currentToken() == JsonToken.START_OBJECT, "record is not an object");
        int formatVersion = 0;
        int partition = 0;
        long sequence = 0;
        String eventId = null;
        Sha256 prevHash = null;
        Sha256 hash = null;
        ByteBuffer event = null;
        Instant sealedAt = null;
        long sourceOffset = 0;
        int seen = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "formatVersion" -> {
                    formatVersion = parser.getIntValue();
                    seen |= 1;
                }
                case "partition" -> {
                    partition = parser.getIntValue();
                    seen |= 1 << 1;
                }
                case "sequence" -> {
                    sequence = parser.getLongValue();
                    seen |= 1 << 2;
                }
                case "eventId" -> {
                    eventId = parser.getText();
                    seen |= 1 << 3;
                }
                case "prevHash" -> {
                    prevHash = hash();
                    seen |= 1 << 4;
                }
                case "hash" -> {
                    hash = hash();
                    seen |= 1 << 5;
                }
                case "event" -> {
                    event = base64Buffer();
                    seen |= 1 << 6;
                }
                case "sealedAt" -> {
                    sealedAt = Instant.ofEpochMilli(parser.getLongValue());
                    seen |= 1 << 7;
                }
                case "sourceOffset" -> {
                    sourceOffset = parser.getLongValue();
                    seen |= 1 << 8;
                }
                default -> throw fail("unknown entry field " + field);
            }
        }
        expect(seen == (1 << 9) - 1, "an entry record lacks fields");
        return new SealedAccessEvent(
                formatVersion, partition, sequence, eventId, prevHash, hash, event, sealedAt, sourceOffset);
    }

    /** The bytes of a base64 string value, decoded by the JDK's decoder from a reused ASCII buffer. */
    private ByteBuffer base64Buffer() throws IOException {
        expect(parser.currentToken() == JsonToken.VALUE_STRING, "a bytes field is not a string");
        char[] text = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int length = parser.getTextLength();
        if (ascii.length < length) {
            ascii = new byte[Math.max(length, 2 * ascii.length)];
        }
        for (int i = 0; i < length; i++) {
            char c = text[offset + i];
            // a non-ASCII character must not alias an ASCII base64 digit
            ascii[i] = c < 0x80 ? (byte) c : (byte) '!';
        }
        try {
            return Base64.getDecoder().decode(ByteBuffer.wrap(ascii, 0, length));
        } catch (IllegalArgumentException e) {
            throw fail("a bytes field is not base64");
        }
    }

    private void readCheckpoint(AccessLogSink sink) throws IOException {
        int partition = -1;
        long offset = -1;
        AccessLogCheckpoint checkpoint = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case ExportFormat.PARTITION -> partition = parser.getIntValue();
                case ExportFormat.OFFSET -> offset = parser.getLongValue();
                case ExportFormat.RECORD -> checkpoint = readCheckpointRecord();
                default -> parser.skipChildren();
            }
        }
        expect(partition >= 0 && offset >= 0 && checkpoint != null, "a checkpoint line lacks partition or record");
        sink.checkpoint(partition, offset, checkpoint);
    }

    private AccessLogCheckpoint readCheckpointRecord() throws IOException {
        expect(parser.currentToken() == JsonToken.START_OBJECT, "record is not an object");
        AccessLogCheckpoint.Builder checkpoint = AccessLogCheckpoint.newBuilder();
        int fields = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            fields++;
            switch (field) {
                case "formatVersion" -> checkpoint.setFormatVersion(parser.getIntValue());
                case "partition" -> checkpoint.setPartition(parser.getIntValue());
                case "firstSequence" -> checkpoint.setFirstSequence(parser.getLongValue());
                case "lastSequence" -> checkpoint.setLastSequence(parser.getLongValue());
                case "headHash" -> checkpoint.setHeadHash(hash());
                case "merkleRoot" -> checkpoint.setMerkleRoot(hash());
                case "previousCheckpoint" -> checkpoint.setPreviousCheckpoint(hash());
                case "signedAt" -> checkpoint.setSignedAt(Instant.ofEpochMilli(parser.getLongValue()));
                case "signingKeyId" -> checkpoint.setSigningKeyId(parser.getText());
                case "signature" -> checkpoint.setSignature(ByteBuffer.wrap(parser.getBinaryValue()));
                default -> throw fail("unknown checkpoint field " + field);
            }
        }
        expect(fields == AccessLogCheckpoint.getClassSchema().getFields().size(), "a checkpoint record lacks fields");
        return checkpoint.build();
    }

    private void readUndecodable(AccessLogSink sink) throws IOException {
        JsonNode node = restOfObject();
        JsonNode value = node.path(ExportFormat.VALUE);
        sink.undecodable(
                node.path(ExportFormat.TOPIC).asText(),
                node.path(ExportFormat.PARTITION).asInt(-1),
                node.path(ExportFormat.OFFSET).asLong(-1),
                value.isNull() || value.isMissingNode() ? null : value.binaryValue(),
                node.path(ExportFormat.REASON).asText());
    }

    private void readEnd(AccessLogSink sink) throws IOException {
        JsonNode node = restOfObject();
        sink.endOfEntries(
                node.path(ExportFormat.PARTITION).asInt(),
                node.path(ExportFormat.END_OFFSET).asLong());
    }

    private void readTrailer(long entries, long checkpoints, long undecodable) throws IOException {
        JsonNode node = restOfObject();
        expect(
                node.path(ExportFormat.ENTRIES).asLong(-1) == entries
                        && node.path(ExportFormat.CHECKPOINTS).asLong(-1) == checkpoints
                        && node.path(ExportFormat.UNDECODABLE).asLong(-1) == undecodable,
                "the trailer's counts are not the file's (lines added or removed)");
        expect(parser.nextToken() == null, "lines after the trailer");
    }

    /** The fields after {@code kind} of the line being read. */
    private ObjectNode restOfObject() throws IOException {
        ObjectNode node = JSON.createObjectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            JsonNode value = JSON.readTree(parser);
            node.set(field, value == null ? NullNode.getInstance() : value);
        }
        return node;
    }

    private Sha256 hash() throws IOException {
        expect(parser.currentToken() == JsonToken.VALUE_STRING, "a hash is not a string");
        int length = parser.getTextLength();
        expect(length == 64, "a hash is not 64 hex digits");
        try {
            return new Sha256(Hex.decode(parser.getTextCharacters(), parser.getTextOffset(), length));
        } catch (IllegalArgumentException e) {
            throw fail("a hash is not hex");
        }
    }

    private void expect(boolean condition, String message) {
        if (!condition) {
            throw fail(message);
        }
    }

    private ExportFileException fail(String message) {
        return new ExportFileException(line(), message, false);
    }

    private long line() {
        return parser.currentLocation().getLineNr();
    }
}
