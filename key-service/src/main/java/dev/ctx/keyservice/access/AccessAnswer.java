package dev.ctx.keyservice.access;

import java.util.Map;
import java.util.Objects;

/** What the caller of an access request gets, once its access event is committed. */
public sealed interface AccessAnswer {

    /**
     * The released fields.
     *
     * @param eventId the committed {@code ACCESS_GRANTED} event
     * @param fields field name to JSON-ready value (decimals as strings, timestamps ISO-8601)
     */
    record Released(
            String transactionId, String purpose, String authorizedBy, String eventId, Map<String, Object> fields)
            implements AccessAnswer {
        public Released {
            Objects.requireNonNull(eventId, "eventId");
            fields = Map.copyOf(fields);
        }

        /** Names only: the values never go to logs. */
        @Override
        public String toString() {
            return "Released[transactionId=" + transactionId + ", authorizedBy=" + authorizedBy + ", fields="
                    + fields.keySet() + "]";
        }
    }

    /** Nothing released; {@code detail} names coordinates only. */
    record Refused(DenialReason reason, String detail) implements AccessAnswer {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
