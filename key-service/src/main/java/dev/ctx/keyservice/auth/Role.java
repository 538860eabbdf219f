package dev.ctx.keyservice.auth;

import java.util.Optional;

/**
 * What a caller may do: a participant acts on its own resources; operators run the registry; compliance officers audit
 * and approve escrow requests; auditors file escrow requests.
 */
public enum Role {
    PARTICIPANT("participant"),
    OPERATOR("operator"),
    COMPLIANCE_OFFICER("compliance"),
    /** An external auditor or regulator: may file audit-escrow requests and open them once approved. */
    AUDITOR("auditor");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    /** The value used in JWT {@code role} claims and certificate OUs. */
    public String claim() {
        return claim;
    }

    /** The role whose claim is exactly {@code value}: no case folding, trimming or prefix matching. */
    public static Optional<Role> fromClaim(String value) {
        for (Role role : values()) {
            if (role.claim.equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
