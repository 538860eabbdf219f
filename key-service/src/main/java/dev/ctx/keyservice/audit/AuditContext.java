package dev.ctx.keyservice.audit;

import java.util.Objects;

/**
 * Who asked, from where: copied into every access event.
 *
 * @param requester the authenticated identity (or the component, for system actions such as scheduled rotation)
 * @param ip the client address, or null
 * @param userAgent the client's User-Agent, or null
 */
public record AuditContext(String requester, String ip, String userAgent) {

    public AuditContext {
        Objects.requireNonNull(requester, "requester");
    }

    /** A system action of this service (scheduled rotation, startup). */
    public static AuditContext system(String component) {
        return new AuditContext("system:" + component, null, null);
    }
}
