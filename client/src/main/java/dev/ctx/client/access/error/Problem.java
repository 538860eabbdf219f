package dev.ctx.client.access.error;

import java.io.Serializable;

/**
 * An error answer of the key service: the call ({@code POST /v1/access-requests}), the HTTP status (0 when no answer
 * arrived) and the RFC 9457 problem members {@code reason}, {@code title} and {@code detail} (each may be null).
 */
public record Problem(String call, int status, String reason, String title, String detail) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One line for people: {@code POST /v1/access-requests: 403 NOT_A_PARTICIPANT (title: detail)}. */
    public String describe() {
        StringBuilder line = new StringBuilder(call).append(": ").append(status);
        if (reason != null) {
            line.append(' ').append(reason);
        }
        String text = title == null ? detail : detail == null ? title : title + ": " + detail;
        if (text != null) {
            line.append(" (").append(text).append(')');
        }
        return line.toString();
    }
}
