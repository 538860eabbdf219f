package dev.ctx.schemas.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;

/**
 * The sealer's shortcut: a producer's Avro body taken as the canonical encoding only when it provably is one
 * (docs/access-log-chain.md §1); everything else is left to the decoder, and both ways give the same bytes.
 */
class CanonicalAvroBodyTest {

    private static final HexFormat HEX = HexFormat.of();
    /** Bytes before the body, as a Confluent frame has (magic byte and schema id). */
    private static final byte[] FRAME = {0, 0, 0, 0, 7};

    @Test
    void theCompiledInSchemaIsReadableAndNoOther() {
        assertThat(CanonicalAvroBody.readsBodiesOf(AccessEvent.getClassSchema()))
                .isTrue();
        assertThat(CanonicalAvroBody.readsBodiesOf(SealedAccessEvent.getClassSchema()))
                .isFalse();
    }

    static Stream<Arguments> canonicalBodiesAtTheEdges() {
        return Stream.of(
                Arguments.of("an empty attribute key", new Body().map(List.of("", "1"))),
                Arguments.of("ASCII control characters in keys", new Body().map(List.of("\u0000", "1", "a", "2"))),
                Arguments.of("the largest timestamp (a 10-byte varint)", new Body().raw(10, varint(Long.MAX_VALUE))),
                Arguments.of("the smallest timestamp", new Body().raw(10, varint(Long.MIN_VALUE))),
                Arguments.of("no attributes", new Body().raw(14, "00")),
                Arguments.of("nothing accessed", new Body().raw(7, "00")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("canonicalBodiesAtTheEdges")
    void aCanonicalBodyAtTheEdgesIsTakenAsItIs(String what, Body body) {
        // When
        CanonicalAvroBody read = CanonicalAvroBody.read(framed(body.bytes()), FRAME.length);

        // Then
        assertThat(read).isNotNull();
        assertThat(CanonicalAccessEvent.encode(CanonicalAccessEvent.decode(read.canonical())))
                .isEqualTo(read.canonical());
    }

    @Test
    void aCanonicalBodyIsTakenAsItIsForVariedEvents() {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            // Given: the body Avro's own writer gives for an event whose attributes are already sorted
            AccessEvent event = sorted(VariedAccessEvents.varied(random, i));
            byte[] canonical = CanonicalAccessEvent.encode(event);

            // When
            CanonicalAvroBody read = CanonicalAvroBody.read(framed(avroWriterBody(event)), FRAME.length);

            // Then
            assertThat(read).as("event %d", i).isNotNull();
            assertThat(read.canonical()).isEqualTo(canonical);
            assertThat(read.eventId()).isEqualTo(event.getEventId());
            assertThat(read.timestampMillis()).isEqualTo(event.getTimestamp().toEpochMilli());
            CanonicalAvroBody encoded = CanonicalAvroBody.encoded(event, CanonicalAccessEvent.encoder());
            assertThat(encoded.canonical()).isEqualTo(canonical);
            assertThat(encoded.eventId()).isEqualTo(read.eventId());
            assertThat(encoded.timestampMillis()).isEqualTo(read.timestampMillis());
        }
    }

    static Stream<Arguments> bodiesThatAreNotProvablyCanonical() {
        return Stream.of(
                Arguments.of("attributes not sorted", new Body().map(List.of("b", "1", "a", "2"))),
                Arguments.of("a repeated attribute key", new Body().map(List.of("a", "1", "a", "2"))),
                Arguments.of("a non-ASCII attribute key", new Body().map(List.of("é", "1"))),
                Arguments.of("a negative array count", new Body().raw(7, "01")),
                Arguments.of("a body cut inside a malformed key", new Body().raw(14, "02" + "04" + "c080")),
                Arguments.of("a negative map count", new Body().raw(14, "01")),
                Arguments.of("a timestamp of 11 bytes", new Body().raw(10, "ffffffffffffffffff8101")),
                Arguments.of("a timestamp past 64 bits", new Body().raw(10, "ffffffffffffffffff02")),
                Arguments.of("an array in two blocks", new Body().raw(7, "02" + str("a") + "02" + str("b") + "00")),
                Arguments.of("an array block with a byte size", new Body().raw(7, "01" + "04" + str("a") + "00")),
                Arguments.of("an array block count with a redundant byte", new Body().raw(7, "8200" + str("a") + "00")),
                Arguments.of("a string length with a redundant byte", new Body().raw(4, "8600" + hex("req"))),
                Arguments.of("a timestamp with a redundant byte", new Body().raw(10, "828000")),
                Arguments.of("an overlong UTF-8 form", new Body().raw(4, "04" + "c080")),
                Arguments.of("a UTF-8 surrogate", new Body().raw(4, "06" + "eda080")),
                Arguments.of("a truncated UTF-8 sequence", new Body().raw(4, "04" + "e282")),
                Arguments.of("a code point past U+10FFFF", new Body().raw(4, "08" + "f4908080")),
                Arguments.of(
                        "an event type past the last symbol",
                        new Body().raw(1, varint(AccessEventType.values().length))),
                Arguments.of("a negative outcome", new Body().raw(11, "01")),
                Arguments.of("a union branch that does not exist", new Body().raw(2, "04")),
                Arguments.of("an empty event id", new Body().raw(0, "00")),
                Arguments.of("a byte after the last field", new Body().trailing("00")),
                Arguments.of("a body cut short", new Body().truncate(3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodiesThatAreNotProvablyCanonical")
    void aBodyThatIsNotProvablyCanonicalIsLeftToTheDecoder(String what, Body body) {
        assertThat(CanonicalAvroBody.read(framed(body.bytes()), FRAME.length)).isNull();
        assertThat(CanonicalAvroBody.read(framed(new Body().bytes()), FRAME.length))
                .as("the same body without the change")
                .isNotNull();
    }

    @Test
    void wellFormedNonAsciiTextIsTakenAsItIs() {
        // Given: 2-, 3- and 4-byte sequences at the edges of table 3-7
        String text =
                "\u0080\u07ff\u0800\u0fff\ud000\ud7ff\ue000\uffff" + "\ud800\udc00\ud8bf\udfff\udbc0\udc00\udbff\udfff";
        byte[] body = new Body().raw(4, str(text)).bytes();

        // When
        CanonicalAvroBody read = CanonicalAvroBody.read(framed(body), FRAME.length);

        // Then
        assertThat(read).isNotNull();
        assertThat(CanonicalAccessEvent.decode(read.canonical()).getRequester()).isEqualTo(text);
    }

    @Test
    void whatIsTakenAsItIsIsAlwaysWhatTheDecoderAndEncoderWouldGive() {
        // Given: 20,000 bodies, each a valid one with a byte changed, inserted or removed
        Random random = new Random(11);
        int taken = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] body = mutate(random, avroWriterBody(sorted(VariedAccessEvents.varied(random, i))));

            // When
            CanonicalAvroBody read = CanonicalAvroBody.read(framed(body), FRAME.length);

            // Then: anything taken decodes, and encodes back to exactly the bytes taken
            if (read != null) {
                taken++;
                AccessEvent decoded = CanonicalAccessEvent.decode(read.canonical());
                assertThat(CanonicalAccessEvent.encode(decoded))
                        .as("mutated body %s", HEX.formatHex(body))
                        .isEqualTo(read.canonical());
                assertThat(read.eventId()).isEqualTo(decoded.getEventId());
                assertThat(read.timestampMillis())
                        .isEqualTo(decoded.getTimestamp().toEpochMilli());
            }
        }
        assertThat(taken)
                .as("mutations that stay canonical (a changed character, say)")
                .isPositive();
    }

    @Test
    void toStringNamesNoContent() {
        CanonicalAvroBody read = CanonicalAvroBody.read(framed(new Body().bytes()), FRAME.length);

        assertThat(read.toString()).startsWith("CanonicalAvroBody[").doesNotContain("id-1", "req", "src");
    }

    private static byte[] mutate(Random random, byte[] body) {
        int at = random.nextInt(body.length);
        byte value = (byte) random.nextInt(256);
        return switch (random.nextInt(3)) {
            case 0 -> {
                byte[] changed = body.clone();
                changed[at] = value;
                yield changed;
            }
            case 1 -> {
                byte[] longer = new byte[body.length + 1];
                System.arraycopy(body, 0, longer, 0, at);
                longer[at] = value;
                System.arraycopy(body, at, longer, at + 1, body.length - at);
                yield longer;
            }
            default -> {
                byte[] shorter = new byte[body.length - 1];
                System.arraycopy(body, 0, shorter, 0, at);
                System.arraycopy(body, at + 1, shorter, at, body.length - at - 1);
                yield shorter;
            }
        };
    }

    private static AccessEvent sorted(AccessEvent event) {
        event.setAttributes(new TreeMap<>(event.getAttributes()));
        return event;
    }

    /** What a producer using Avro's writer sends: the attributes in the map's own order. */
    private static byte[] avroWriterBody(AccessEvent event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new SpecificDatumWriter<>(AccessEvent.class).write(event, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] framed(byte[] body) {
        byte[] framed = Arrays.copyOf(FRAME, FRAME.length + body.length);
        System.arraycopy(body, 0, framed, FRAME.length, body.length);
        return framed;
    }

    private static String hex(String text) {
        return HEX.formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** An Avro string: zig-zag varint length, UTF-8. */
    private static String str(String text) {
        return varint(text.getBytes(StandardCharsets.UTF_8).length) + hex(text);
    }

    private static String varint(long value) {
        long zigZag = (value << 1) ^ (value >> 63);
        StringBuilder out = new StringBuilder();
        while ((zigZag & ~0x7FL) != 0) {
            out.append(String.format("%02x", (zigZag & 0x7F) | 0x80));
            zigZag >>>= 7;
        }
        return out.append(String.format("%02x", zigZag)).toString();
    }

    /**
     * A v4 body written field by field in hex, canonical unless a field is replaced. Fields: 0 eventId, 1 type, 2
     * transactionId, 3 subject, 4 requester, 5 purpose, 6 authorizedBy, 7 dataAccessed, 8 ip, 9 userAgent, 10
     * timestamp, 11 outcome, 12 reason, 13 source, 14 attributes.
     */
    static final class Body {

        private final List<String> fields = new ArrayList<>(List.of(
                str("id-1"),
                varint(AccessEventType.ACCESS_GRANTED.ordinal()),
                "02" + str("txn-1"),
                "00",
                str("req"),
                "00",
                "00",
                "02" + str("x") + "00",
                "00",
                "00",
                varint(1_764_000_000_000L),
                varint(AccessOutcome.GRANTED.ordinal()),
                "00",
                str("src"),
                "02" + str("k") + str("v") + "00"));

        private String trailing = "";
        private int truncate;

        Body raw(int field, String hex) {
            fields.set(field, hex);
            return this;
        }

        Body map(List<String> keysAndValues) {
            StringBuilder map = new StringBuilder(varint(keysAndValues.size() / 2));
            keysAndValues.forEach(text -> map.append(str(text)));
            return raw(14, map.append("00").toString());
        }

        Body trailing(String hex) {
            trailing = hex;
            return this;
        }

        Body truncate(int bytes) {
            truncate = bytes;
            return this;
        }

        byte[] bytes() {
            byte[] all = HEX.parseHex(String.join("", fields) + trailing);
            return Arrays.copyOf(all, all.length - truncate);
        }

        @Override
        public String toString() {
            return String.join(" ", fields) + (trailing.isEmpty() ? "" : " + " + trailing);
        }
    }

    @Test
    void theHandWrittenBodyIsTheCanonicalOneOfItsEvent() {
        AccessEvent event = CanonicalAccessEvent.decode(
                CanonicalAvroBody.read(framed(new Body().bytes()), FRAME.length).canonical());

        assertThat(event.getAttributes()).isEqualTo(Map.of("k", "v"));
        assertThat(event.getDataAccessed()).containsExactly("x");
        assertThat(event.getRequester()).isEqualTo("req");
    }
}
