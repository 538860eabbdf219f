package dev.ctx.keyservice.kek;

/** Opening failed authentication: wrong AAD, tampered ciphertext or a different KEK. */
public final class KekAuthenticationException extends KekException {

    public KekAuthenticationException(String kekId) {
        super("KEK " + kekId + ": ciphertext failed authentication");
    }
}
