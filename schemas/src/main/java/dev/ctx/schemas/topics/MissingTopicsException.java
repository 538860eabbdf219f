package dev.ctx.schemas.topics;

import java.util.List;

/** Startup found topics missing and was not allowed to create them. */
public final class MissingTopicsException extends TopicSetupException {

    private final List<String> missing;

    public MissingTopicsException(List<String> missing) {
        super("Missing topics (topics.create=false): " + String.join(", ", missing));
        this.missing = List.copyOf(missing);
    }

    /** The names of the missing topics. */
    public List<String> missing() {
        return missing;
    }
}
