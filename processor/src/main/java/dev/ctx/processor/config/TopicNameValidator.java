package dev.ctx.processor.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.internals.Topic;

/** Accepts names that Kafka accepts as topic names. */
final class TopicNameValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        try {
            Topic.validate((String) value);
        } catch (InvalidTopicException | NullPointerException e) {
            throw new ConfigException(name, value, "not a valid topic name");
        }
    }

    @Override
    public String toString() {
        return "a legal Kafka topic name";
    }
}
