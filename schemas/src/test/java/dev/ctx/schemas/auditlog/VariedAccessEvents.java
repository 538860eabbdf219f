package dev.ctx.schemas.auditlog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;

/**
 * Access events with every optional field set or not, empty and long arrays and maps, non-ASCII text, negative and
 * large timestamps, every type and outcome: the inputs of the canonical-encoding tests.
 */
final class VariedAccessEvents {

    private VariedAccessEvents() {}

    static AccessEvent varied(Random random, int i) {
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
