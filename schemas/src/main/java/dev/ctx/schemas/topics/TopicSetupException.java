package dev.ctx.schemas.topics;

/** The topics are not as required (missing, misconfigured, or the cluster cannot be asked); startup stops. */
public class TopicSetupException extends RuntimeException {

    public TopicSetupException(String message) {
        super(message);
    }

    public TopicSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
