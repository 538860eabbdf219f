package dev.ctx.keyservice.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem body ({@code application/problem+json}).
 *
 * @param type a URI naming the problem class
 * @param title a short fixed summary of the class
 * @param status the HTTP status
 * @param detail what went wrong in this request; never secrets, never echoed input
 * @param instance the request path
 * @param reason an UPPER_SNAKE reason code where the endpoint defines them (access requests); omitted when null
 */
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {

    static final String CONTENT_TYPE = "application/problem+json";

    /** A problem without a reason code. */
    public Problem(String type, String title, int status, String detail, String instance) {
        this(type, title, status, detail, instance, null);
    }
}
