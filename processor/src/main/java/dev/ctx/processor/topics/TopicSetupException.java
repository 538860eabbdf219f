package dev.ctx.processor.topics;

/** The processor's topics are not as required; startup stops. */
public class TopicSetupException extends RuntimeException {

    public TopicSetupException(String message) {
        super(message);
    }

    public TopicSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
