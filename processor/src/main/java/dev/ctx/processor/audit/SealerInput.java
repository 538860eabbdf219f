package dev.ctx.processor.audit;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.auditlog.CanonicalAvroBody;

/**
 * One access event as the sealer's source hands it over: either taken from the wire, its producer's body proven
 * canonical ({@link CanonicalAvroBody}), or decoded, to be encoded canonically by the sealer.
 */
final class SealerInput {

    private final CanonicalAvroBody canonical;
    private final AccessEvent decoded;

    private SealerInput(CanonicalAvroBody canonical, AccessEvent decoded) {
        this.canonical = canonical;
        this.decoded = decoded;
    }

    static SealerInput canonical(CanonicalAvroBody body) {
        return new SealerInput(body, null);
    }

    static SealerInput decoded(AccessEvent event) {
        return new SealerInput(null, event);
    }

    /** The event as canonical bytes, or null when it was {@link #decoded()}. */
    CanonicalAvroBody canonical() {
        return canonical;
    }

    /** The decoded event, or null when it came {@link #canonical()}. */
    AccessEvent decoded() {
        return decoded;
    }

    /** Names the form only: the event's content may be confidential. */
    @Override
    public String toString() {
        return canonical != null ? "SealerInput[canonical]" : "SealerInput[decoded]";
    }
}
