package dev.ctx.schemas.schemaregistry;

import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Confluent's compatibility levels, decided with Avro's own {@link SchemaCompatibility}.
 *
 * <p>BACKWARD: the new schema can read data written with the latest one. FORWARD: the latest can read data written
 * with the new one. FULL: both. The {@code _TRANSITIVE} variants check every earlier version, not only the latest.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /**
     * Tells whether {@code candidate} may follow {@code previous} (oldest first).
     *
     * @param candidate the schema to register
     * @param previous the subject's existing versions, oldest first
     * @return true when compatible with the versions this level checks
     */
    public boolean isCompatible(Schema candidate, List<Schema> previous) {
        if (previous.isEmpty()) {
            return true;
        }
        List<Schema> checked = transitive ? previous : previous.subList(previous.size() - 1, previous.size());
        return checked.stream().allMatch(existing -> compatiblePair(candidate, existing));
    }

    private boolean compatiblePair(Schema candidate, Schema existing) {
        return (!backward || canRead(candidate, existing)) && (!forward || canRead(existing, candidate));
    }

    /** Tells whether a reader with {@code reader} can decode data written with {@code writer}. */
    public static boolean canRead(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                        .getType()
                == SchemaCompatibilityType.COMPATIBLE;
    }
}
