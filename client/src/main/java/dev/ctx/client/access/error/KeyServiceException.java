package dev.ctx.client.access.error;

import java.util.Objects;

/** The key service refused a call, or answered with a status or body this client does not expect. */
public class KeyServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Problem problem;

    public KeyServiceException(Problem problem) {
        super(Objects.requireNonNull(problem, "problem").describe());
        this.problem = problem;
    }

    public KeyServiceException(Problem problem, Throwable cause) {
        super(Objects.requireNonNull(problem, "problem").describe(), cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** The HTTP status, 0 if no answer arrived. */
    public int status() {
        return problem.status();
    }

    /** The problem's {@code reason} code (e.g. {@code NOT_A_PARTICIPANT}), or null. */
    public String reason() {
        return problem.reason();
    }
}
