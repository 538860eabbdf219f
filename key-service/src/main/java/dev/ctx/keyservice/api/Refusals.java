package dev.ctx.keyservice.api;

import java.util.Locale;
import java.util.Map;

/**
 * The problem answer of a refusal that carries a reason code (access requests, escrow, revocation): type
 * {@code <prefix><reason in kebab case>}, a fixed title per status, the reason, and the headers the status asks for
 * ({@code WWW-Authenticate} for a missing step-up on 401, {@code Retry-After} on 503).
 */
final class Refusals {

    /** The problem type prefix of access and revocation refusals. */
    static final String PROBLEMS = "https://ctx.dev/problems/";

    private Refusals() {}

    /** Answers {@code call} with the problem of {@code reason} at {@code status}; {@code detail} names no secret. */
    static void answer(ApiCall call, String typePrefix, String reason, int status, String detail) {
        call.problem(
                new Problem(
                        typePrefix + reason.toLowerCase(Locale.ROOT).replace('_', '-'),
                        title(status),
                        status,
                        detail,
                        call.path(),
                        reason),
                headers(status));
    }

    private static Map<String, String> headers(int status) {
        return switch (status) {
            case 401 -> Map.of("WWW-Authenticate", "Bearer error=\"insufficient_user_authentication\"");
            case 503 -> Map.of("Retry-After", "1");
            default -> Map.of();
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 422 -> "Unprocessable content";
            default -> "Service unavailable";
        };
    }
}
