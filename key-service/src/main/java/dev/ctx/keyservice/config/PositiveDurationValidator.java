package dev.ctx.keyservice.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts a strictly positive ISO-8601 duration such as {@code P90D} or {@code PT1H}. */
final class PositiveDurationValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            throw new ConfigException(name, null, "must be an ISO-8601 duration such as P90D or PT1H");
        }
        parse(name, (String) value);
    }

    static Duration parse(String name, String value) {
        Duration duration;
        try {
            duration = Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new ConfigException(name, value, "must be an ISO-8601 duration such as P90D or PT1H");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new ConfigException(name, value, "must be a positive duration");
        }
        return duration;
    }

    @Override
    public String toString() {
        return "positive ISO-8601 duration";
    }
}
