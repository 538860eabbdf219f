package dev.ctx.benchmarks.e2e;

import java.util.Optional;

/** Reads the {@code eventId} member of a granted access answer without parsing the rest of the JSON. */
final class GrantedEventIds {

    private static final String MEMBER = "\"eventId\"";

    private GrantedEventIds() {}

    /** The event id of a {@code 200} body of {@code POST /v1/access-requests}, if it names one. */
    static Optional<String> of(String body) {
        int member = body.indexOf(MEMBER);
        if (member < 0) {
            return Optional.empty();
        }
        int colon = body.indexOf(':', member + MEMBER.length());
        int open = colon < 0 ? -1 : body.indexOf('"', colon + 1);
        int close = open < 0 ? -1 : body.indexOf('"', open + 1);
        if (close < 0
                || !body.substring(member + MEMBER.length(), colon).isBlank()
                || !body.substring(colon + 1, open).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(body.substring(open + 1, close));
    }
}
