package dev.ctx.keyservice.auth;

/** No acceptable credentials (missing, malformed, expired, wrong issuer or audience, bad signature): HTTP 401. */
public final class AuthenticationException extends RuntimeException {

    public AuthenticationException(String message) {
        super(message);
    }
}
