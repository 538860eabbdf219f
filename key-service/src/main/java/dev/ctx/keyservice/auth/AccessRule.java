package dev.ctx.keyservice.auth;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may call a route. {@code owner} is the participant named in the path ({@code {id}}); participants may act only on
 * themselves.
 */
public enum AccessRule {
    /** Any authenticated caller. */
    AUTHENTICATED(EnumSet.allOf(Role.class), false),
    OPERATOR(EnumSet.of(Role.OPERATOR), false),
    OPERATOR_OR_COMPLIANCE(EnumSet.of(Role.OPERATOR, Role.COMPLIANCE_OFFICER), false),
    OWNER_OR_OPERATOR(EnumSet.of(Role.OPERATOR), true),
    OWNER_OPERATOR_OR_COMPLIANCE(EnumSet.of(Role.OPERATOR, Role.COMPLIANCE_OFFICER), true),
    /** Reading escrow requests: compliance officers (every request) and auditors (their own). */
    COMPLIANCE_OR_AUDITOR(EnumSet.of(Role.COMPLIANCE_OFFICER, Role.AUDITOR), false);

    private final Set<Role> roles;
    private final boolean owner;

    AccessRule(Set<Role> roles, boolean owner) {
        this.roles = roles;
        this.owner = owner;
    }

    /**
     * @param participantId the participant the request is about, or null
     */
    public boolean permits(Identity identity, String participantId) {
        return roles.contains(identity.role())
                || (owner && participantId != null && identity.isParticipant(participantId));
    }
}
