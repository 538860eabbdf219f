package dev.ctx.client.access;

import java.util.Locale;

import dev.ctx.client.access.error.AccessDeniedException;
import dev.ctx.client.access.error.AuditUnavailableException;
import dev.ctx.client.access.error.ChallengeExpiredException;
import dev.ctx.client.access.error.IntegrityFailureException;
import dev.ctx.client.access.error.KeyServiceException;
import dev.ctx.client.access.error.MalformedRequestException;
import dev.ctx.client.access.error.NotFoundException;
import dev.ctx.client.access.error.ParticipantHeldKeyException;
import dev.ctx.client.access.error.Problem;
import dev.ctx.client.access.error.ProofFailedException;
import dev.ctx.client.access.error.ShreddedException;
import dev.ctx.client.access.error.StepUpRequiredException;
import dev.ctx.client.access.error.UnauthenticatedException;
import dev.ctx.client.access.error.UnknownTransactionException;

/** Maps an error answer (status, reason code, {@code WWW-Authenticate}) to its typed exception. */
final class ProblemMapping {

    private static final String STEP_UP_ERROR = "insufficient_user_authentication";

    private ProblemMapping() {}

    static KeyServiceException toException(Problem problem, String wwwAuthenticate) {
        String reason = problem.reason() == null ? "" : problem.reason();
        return switch (problem.status()) {
            case 400 -> new MalformedRequestException(problem);
            case 401 ->
                "STEP_UP_REQUIRED".equals(reason) || asksForStepUp(wwwAuthenticate)
                        ? new StepUpRequiredException(problem)
                        : new UnauthenticatedException(problem);
            case 403 ->
                "PROOF_FAILED".equals(reason) ? new ProofFailedException(problem) : new AccessDeniedException(problem);
            case 404 ->
                "UNKNOWN_TRANSACTION".equals(reason)
                        ? new UnknownTransactionException(problem)
                        : new NotFoundException(problem);
            case 409 ->
                "PARTICIPANT_HELD_KEY".equals(reason)
                        ? new ParticipantHeldKeyException(problem)
                        : new KeyServiceException(problem);
            case 410 ->
                "CHALLENGE_EXPIRED".equals(reason)
                        ? new ChallengeExpiredException(problem)
                        : new ShreddedException(problem);
            case 422 -> new IntegrityFailureException(problem);
            case 503 ->
                "AUDIT_UNAVAILABLE".equals(reason)
                        ? new AuditUnavailableException(problem)
                        : new KeyServiceException(problem);
            default -> new KeyServiceException(problem);
        };
    }

    private static boolean asksForStepUp(String wwwAuthenticate) {
        return wwwAuthenticate != null
                && wwwAuthenticate.toLowerCase(Locale.ROOT).contains(STEP_UP_ERROR);
    }
}
