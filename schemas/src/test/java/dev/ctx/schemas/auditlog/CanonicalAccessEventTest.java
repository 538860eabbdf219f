package dev.ctx.schemas.auditlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.ctx.schemas.access.AccessEvent;
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
            AccessEvent event = VariedAccessEvents.varied(random, i);

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
}
