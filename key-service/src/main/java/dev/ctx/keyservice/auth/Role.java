package dev.ctx.keyservice.auth;

import java.util.Locale;
import java.util.Optional;

/** What a caller may do: a participant acts on its own resources; operators run the registry; compliance officers audit. */
public enum Role {
    PARTICIPANT("participant"),
    OPERATOR("operator"),
    COMPLIANCE_OFFICER("compliance");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    /** The value used in JWT {@code role} claims and certificate OUs. */
    public String claim() {
        return claim;
    }

    public static Optional<Role> fromClaim(String value) {
        for (Role role : values()) {
            if (value != null && role.claim.equals(value.toLowerCase(Locale.ROOT))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
