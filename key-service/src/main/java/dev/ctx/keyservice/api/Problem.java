package dev.ctx.keyservice.api;

/**
 * An RFC 9457 problem body ({@code application/problem+json}).
 *
 * @param type a URI naming the problem class
 * @param title a short fixed summary of the class
 * @param status the HTTP status
 * @param detail what went wrong in this request; never secrets, never echoed input
 * @param instance the request path
 */
public record Problem(String type, String title, int status, String detail, String instance) {

    static final String CONTENT_TYPE = "application/problem+json";
}
