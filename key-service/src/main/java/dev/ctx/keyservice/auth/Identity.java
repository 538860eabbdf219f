package dev.ctx.keyservice.auth;

import java.util.Objects;
import java.util.Set;

/**
 * An authenticated caller.
 *
 * @param subject the authenticated name (JWT {@code sub} or certificate CN)
 * @param role its role
 * @param method how it authenticated: {@code jwt} or {@code mtls}
 * @param authenticationMethods the JWT's {@code amr} values (RFC 8176), e.g. {@code pwd}, {@code mfa}; empty for mTLS
 *        and for tokens without the claim
 */
public record Identity(String subject, Role role, String method, Set<String> authenticationMethods) {

    /** The {@code amr} values that count as a second factor for step-up. */
    private static final Set<String> SECOND_FACTORS = Set.of("mfa", "otp", "hwk");

    public Identity {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(method, "method");
        authenticationMethods = Set.copyOf(authenticationMethods);
    }

    /** An identity without {@code amr} values. */
    public Identity(String subject, Role role, String method) {
        this(subject, role, method, Set.of());
    }

    /**
     * Whether the caller authenticated strongly enough to decrypt when step-up is required: a client certificate
     * (mTLS), or a JWT whose {@code amr} holds {@code mfa}, {@code otp} or {@code hwk}.
     */
    public boolean hasSteppedUp() {
        return method.equals("mtls") || authenticationMethods.stream().anyMatch(SECOND_FACTORS::contains);
    }

    /** True if this is the participant {@code participantId} itself. */
    public boolean isParticipant(String participantId) {
        return role == Role.PARTICIPANT && subject.equals(participantId);
    }
}
