package dev.ctx.cli.access;

import java.io.PrintWriter;

import dev.ctx.cli.common.ExitCodes;
import dev.ctx.client.access.error.AccessDeniedException;
import dev.ctx.client.access.error.AuditUnavailableException;
import dev.ctx.client.access.error.IntegrityFailureException;
import dev.ctx.client.access.error.KeyServiceException;
import dev.ctx.client.access.error.KeyServiceUnreachableException;
import dev.ctx.client.access.error.ParticipantHeldKeyException;
import dev.ctx.client.access.error.ShreddedException;
import dev.ctx.client.access.error.StepUpRequiredException;
import dev.ctx.client.access.error.UnauthenticatedException;
import dev.ctx.client.access.error.UnknownTransactionException;

/**
 * Exit codes of the commands that call the key service's read API ({@code ctx access}, {@code ctx keys
 * register-own}, {@code ctx consume --decrypt}), one per error class; README "CLI" documents them.
 */
public final class AccessExitCodes {

    /** 401: no valid credentials, or step-up authentication required. */
    public static final int UNAUTHENTICATED = 3;
    /** 403: denied (the reason code is on stderr), including a failed proof of possession. */
    public static final int DENIED = 4;
    /** 404: no such transaction. */
    public static final int UNKNOWN_TRANSACTION = 5;
    /** 409: the caller holds its own key; open locally with {@code --key-file}. */
    public static final int PARTICIPANT_HELD_KEY = 6;
    /** 410: crypto-shredded (or, for {@code register-own}, the challenge expired). */
    public static final int GONE = 7;
    /** 422: the stored ciphertext or envelope failed authentication. */
    public static final int INTEGRITY_FAILURE = 8;
    /** 503: the access event could not be committed; no data was released. */
    public static final int AUDIT_UNAVAILABLE = 9;
    /** No answer: connection refused, TLS failure or timeout. */
    public static final int UNREACHABLE = 10;

    private AccessExitCodes() {}

    /** The exit code of {@code e}; {@link ExitCodes#FAILURE} for any other refusal. */
    public static int of(KeyServiceException e) {
        if (e instanceof UnauthenticatedException || e instanceof StepUpRequiredException) {
            return UNAUTHENTICATED;
        } else if (e instanceof AccessDeniedException) {
            return DENIED;
        } else if (e instanceof UnknownTransactionException) {
            return UNKNOWN_TRANSACTION;
        } else if (e instanceof ParticipantHeldKeyException) {
            return PARTICIPANT_HELD_KEY;
        } else if (e instanceof IntegrityFailureException) {
            return INTEGRITY_FAILURE;
        } else if (e instanceof AuditUnavailableException) {
            return AUDIT_UNAVAILABLE;
        } else if (e instanceof KeyServiceUnreachableException) {
            return UNREACHABLE;
        }
        return e.status() == 410 || e instanceof ShreddedException ? GONE : ExitCodes.FAILURE;
    }

    /** Prints {@code <command>: <problem>} on {@code err} and returns the exit code of {@code e}. */
    public static int report(KeyServiceException e, String command, PrintWriter err) {
        err.println(command + ": " + e.getMessage());
        if (e instanceof ParticipantHeldKeyException) {
            err.println(command + ": this participant holds its own key: open locally with --key-file FILE");
        }
        err.flush();
        return of(e);
    }
}
