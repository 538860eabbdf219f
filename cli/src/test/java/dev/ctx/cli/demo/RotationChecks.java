package dev.ctx.cli.demo;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ctx.cli.common.KeyServiceClient;
import dev.ctx.processor.topology.TopologySerdes;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientWrap;

/** What the rotation-job ITs read back: key statuses, the committed envelopes and REWRAPPED events. */
final class RotationChecks {

    static final Duration PATIENCE = Duration.ofSeconds(180);

    private RotationChecks() {}

    /** The status of {@code participant}'s {@code version} at the key service ({@code active}, {@code retired}...). */
    static String status(KeyServiceClient operator, String participant, int version) {
        try {
            for (JsonNode key : operator.keys(participant).path("keys")) {
                if (key.path("version").asInt() == version) {
                    return key.path("status").asText();
                }
            }
            return "absent";
        } catch (IOException e) {
            return "unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The latest committed envelope per transaction. */
    static Map<String, Envelope> envelopes(DemoStack stack, TopologySerdes serdes) {
        return CommittedTopic.read(
                        stack.bootstrapServers(),
                        DemoCommand.topics().envelopes(),
                        serdes.envelope().deserializer())
                .latest();
    }

    /** The processor's committed REWRAPPED events of {@code participant} (null: of everyone). */
    static List<AccessEvent> rewrappedEvents(DemoStack stack, TopologySerdes serdes, String participant) {
        return CommittedTopic.read(
                        stack.bootstrapServers(),
                        DemoCommand.topics().accessEvents(),
                        serdes.accessEvent().deserializer())
                .values()
                .stream()
                .filter(event -> event.getType() == AccessEventType.REWRAPPED
                        && (participant == null || participant.equals(event.getSubject()))
                        && event.getSource().startsWith("processor/"))
                .toList();
    }

    /** The wrap of {@code recipient} in {@code envelope}, or null. */
    static RecipientWrap wrap(Envelope envelope, String recipient) {
        return envelope.getWraps().stream()
                .filter(wrap -> wrap.getRecipientId().equals(recipient))
                .findFirst()
                .orElse(null);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + PATIENCE);
            }
            Thread.sleep(250);
        }
    }
}
