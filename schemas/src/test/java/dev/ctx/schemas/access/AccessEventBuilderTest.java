package dev.ctx.schemas.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AccessEventBuilderTest {

    private static final Instant AT = Instant.parse("2026-12-02T01:00:00Z");

    @Test
    void aStartedEventCarriesItsTypeOutcomeWriterAndTimeWithTheWriterAsRequester() {
        // When
        AccessEvent event = AccessEventBuilder.of(AccessEventType.ENCRYPTED, AccessOutcome.SUCCESS, "processor/p-1", AT)
                .build();
        // Then
        assertThat(event.getType()).isEqualTo(AccessEventType.ENCRYPTED);
        assertThat(event.getOutcome()).isEqualTo(AccessOutcome.SUCCESS);
        assertThat(event.getSource()).isEqualTo("processor/p-1");
        assertThat(event.getRequester()).isEqualTo("processor/p-1");
        assertThat(event.getTimestamp()).isEqualTo(AT);
        assertThat(event.getEventId()).hasSize(36);
    }

    @Test
    void eventIdsAreRandomUnlessDerivedFromAName() {
        // Given
        AccessEventBuilder first = AccessEventBuilder.of(AccessEventType.KEY_CREATED, AccessOutcome.SUCCESS, "ks", AT);
        AccessEventBuilder second = AccessEventBuilder.of(AccessEventType.KEY_CREATED, AccessOutcome.SUCCESS, "ks", AT);
        // When / Then
        assertThat(first.build().getEventId()).isNotEqualTo(second.build().getEventId());
        assertThat(first.setEventIdFromName("ENCRYPTED|t|0|7").build().getEventId())
                .isEqualTo(second.setEventIdFromName("ENCRYPTED|t|0|7").build().getEventId())
                .isEqualTo(UUID.nameUUIDFromBytes("ENCRYPTED|t|0|7".getBytes(StandardCharsets.UTF_8))
                        .toString());
    }

    @Test
    void theEventNeverSharesTheCallersCollections() {
        // Given
        List<String> fields = new ArrayList<>(List.of("amount"));
        Map<String, String> attributes = new HashMap<>(Map.of("keyVersion", "3"));
        AccessEvent event = AccessEventBuilder.of(AccessEventType.ACCESS_DENIED, AccessOutcome.DENIED, "ks", AT)
                .setRequester("alice")
                .setIp("10.0.0.1")
                .setUserAgent("curl")
                .setSubject("miner-789")
                .setReason("NOT_A_PARTICIPANT")
                .setDataAccessed(fields)
                .setAttributes(attributes)
                .build();
        // When
        fields.add("pricing");
        attributes.put("keyVersion", "4");
        // Then
        assertThat(event.getDataAccessed()).containsExactly("amount");
        assertThat(event.getAttributes()).containsExactly(Map.entry("keyVersion", "3"));
        assertThat(event.getRequester()).isEqualTo("alice");
        assertThat(event.getReason()).isEqualTo("NOT_A_PARTICIPANT");
    }

    @Test
    void attributesAreHeldInAscendingKeyOrderSoTheWrittenBodyIsCanonical() {
        // Given
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            attributes.put("key-" + (char) ('z' - i % 26) + i, "v" + i);
        }

        // When
        AccessEvent event = AccessEventBuilder.of(AccessEventType.KEY_OPENED, AccessOutcome.SUCCESS, "ks", AT)
                .setAttributes(attributes)
                .build();

        // Then
        assertThat(List.copyOf(event.getAttributes().keySet())).isSorted().hasSize(30);
    }
}
