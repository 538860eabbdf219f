package dev.ctx.cli.audit;

/** Exit codes of {@code ctx audit} beyond 0 (all holds), 1 (could not check) and 2 (usage). */
final class AuditExitCodes {

    /** The log or the proof does not hold; stdout names the first break. */
    static final int BROKEN = 3;

    private AuditExitCodes() {}
}
