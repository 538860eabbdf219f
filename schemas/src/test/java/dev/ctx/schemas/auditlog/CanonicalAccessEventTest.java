package dev.ctx.schemas.auditlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;
import dev.ctx.schemas.serde.TestRecords;

/** The field-by-field canonical writer against Avro's own writer (docs/access-log-chain.md §1). */
class CanonicalAccessEventTest {

    @Test
    void theCompiledInSchemaIsTheOneWrittenFieldByField() {
        assertThat(CanonicalAccessEvent.writesV4(AccessEvent.getClassSchema())).isTrue();
    }

    @Test
    void fieldByFieldBytesEqualAvrosWriterWithSortedAttributesForVariedEvents() {
        // Given: events with every optional field set or not, empty and long arrays and maps, non-ASCII text,
        // negative and large timestamps, every type and outcome
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            AccessEvent event = varied(random, i);

            // When
            byte[] canonical = CanonicalAccessEvent.encode(event);

            // Then
            assertThat(canonical).as("event %d", i).isEqualTo(CanonicalAccessEvent.encodeWithAvroWriter(event));
            assertThat(CanonicalAccessEvent.isCanonical(canonical)).isTrue();
        }
    }

    @Test
    void attributesAreWrittenSortedWhateverMapHoldsThem() {
        // Given
        Map<String, String> hashed = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            hashed.put("key-" + (char) ('a' + i % 26) + i, "v" + i);
        }
        AccessEvent fromHashMap = AccessEvent.newBuilder(TestRecords.accessEvent())
                .setAttributes(hashed)
                .build();
        AccessEvent fromTreeMap = AccessEvent.newBuilder(TestRecords.accessEvent())
                .setAttributes(new TreeMap<>(hashed))
                .build();

        // Then
        assertThat(CanonicalAccessEvent.encode(fromHashMap)).isEqualTo(CanonicalAccessEvent.encode(fromTreeMap));
        assertThat(CanonicalAccessEvent.decode(CanonicalAccessEvent.encode(fromHashMap))
                        .getAttributes())
                .isEqualTo(hashed);
        assertThat(fromHashMap.getAttributes()).isSameAs(hashed);
    }

    @Test
    void aMissingRequiredFieldFailsInsteadOfBeingWritten() {
        AccessEvent event = TestRecords.accessEvent();
        event.setRequester(null);

        assertThatThrownBy(() -> CanonicalAccessEvent.encode(event)).isInstanceOf(RuntimeException.class);
    }

    private static AccessEvent varied(Random random, int i) {
        List<String> accessed = new ArrayList<>();
        for (int n = random.nextInt(4) == 0 ? 0 : random.nextInt(6); n > 0; n--) {
            accessed.add(text(random));
        }
        Map<String, String> attributes = new HashMap<>();
        for (int n = random.nextInt(8); n > 0; n--) {
            attributes.put("k" + random.nextInt(1_000), text(random));
        }
        AccessEventType[] types = AccessEventType.values();
        AccessOutcome[] outcomes = AccessOutcome.values();
        return AccessEvent.newBuilder()
                .setEventId("id-" + i + "-" + text(random))
                .setType(types[random.nextInt(types.length)])
                .setTransactionId(maybe(random))
                .setSubject(maybe(random))
                .setRequester(text(random))
                .setPurpose(maybe(random))
                .setAuthorizedBy(maybe(random))
                .setDataAccessed(accessed)
                .setIp(maybe(random))
                .setUserAgent(maybe(random))
                .setTimestamp(Instant.ofEpochMilli(random.nextBoolean() ? random.nextLong() / 1_000 : i))
                .setOutcome(outcomes[random.nextInt(outcomes.length)])
                .setReason(maybe(random))
                .setSource(text(random))
                .setAttributes(attributes)
                .build();
    }

    private static String maybe(Random random) {
        return random.nextBoolean() ? null : text(random);
    }

    private static String text(Random random) {
        String[] parts = {"", "a", "auditor-7", "é", "日本", "🔑", "x".repeat(200)};
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(3); n >= 0; n--) {
            text.append(parts[random.nextInt(parts.length)]);
        }
        return text.toString();
    }
}
