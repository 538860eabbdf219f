package dev.ctx.client.byok;

/**
 * A proof-of-possession challenge this client will not open: its HPKE {@code info} is that of a DEK wrap (so opening
 * it would hand a wrapped DEK to whoever sent it), or the opened challenge is not 32 bytes.
 */
public class ChallengeRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ChallengeRefusedException(String message) {
        super(message);
    }
}
