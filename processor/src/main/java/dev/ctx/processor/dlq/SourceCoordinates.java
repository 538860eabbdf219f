package dev.ctx.processor.dlq;

import java.util.Objects;

/** Where an input record came from. */
public record SourceCoordinates(String topic, int partition, long offset) {

    public SourceCoordinates {
        Objects.requireNonNull(topic, "topic");
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
