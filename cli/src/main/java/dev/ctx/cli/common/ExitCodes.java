package dev.ctx.cli.common;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Exit codes of {@code bin/ctx} and the one-line error report on stderr. */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** The command failed; stderr says why in one line. */
    public static final int FAILURE = 1;
    /** The command line was wrong; stderr shows the usage. */
    public static final int USAGE = 2;

    private ExitCodes() {}

    /**
     * Prints {@code ctx: <message>} on stderr (the stack trace only with {@code CTX_DEBUG=1}) and returns
     * {@link #FAILURE}.
     */
    public static int oneLineError(Exception e, CommandLine commandLine, ParseResult parseResult) {
        commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + describe(e));
        if ("1".equals(System.getenv("CTX_DEBUG"))) {
            e.printStackTrace(commandLine.getErr());
        }
        return FAILURE;
    }

    /** Maps an exception thrown outside execution (parameter errors) to an exit code. */
    public static int forException(Throwable e) {
        return e instanceof CommandLine.ParameterException ? USAGE : FAILURE;
    }

    private static String describe(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && !message.isBlank()) {
                return (cause == e ? "" : e.getClass().getSimpleName() + ": ") + message.replace('\n', ' ');
            }
        }
        return e.getClass().getSimpleName() + " (no details)";
    }
}
