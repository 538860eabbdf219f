package dev.ctx.keyservice.auth;

import java.util.List;
import java.util.Optional;

/** Turns credentials into an identity. */
public interface Authenticator {

    /**
     * @return the identity, or empty if the credentials hold nothing of this authenticator's kind
     * @throws AuthenticationException if credentials of its kind are present but invalid
     */
    Optional<Identity> authenticate(Credentials credentials);

    /** Tries each authenticator in order; the first identity wins; none → {@link AuthenticationException}. */
    static Authenticator firstOf(List<Authenticator> authenticators) {
        return credentials -> {
            for (Authenticator authenticator : authenticators) {
                Optional<Identity> identity = authenticator.authenticate(credentials);
                if (identity.isPresent()) {
                    return identity;
                }
            }
            throw new AuthenticationException("no credentials: present a client certificate or a bearer token");
        };
    }
}
