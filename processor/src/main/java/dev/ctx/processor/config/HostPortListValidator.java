package dev.ctx.processor.config;

import java.util.List;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts a non-empty list of {@code host:port} entries. */
final class HostPortListValidator implements ConfigDef.Validator {

    private static final Pattern HOST_PORT = Pattern.compile("^[^\\s:]+:\\d{1,5}$|^\\[[0-9a-fA-F:]+]:\\d{1,5}$");

    @Override
    public void ensureValid(String name, Object value) {
        List<?> entries = (List<?>) value;
        if (entries == null || entries.isEmpty()) {
            throw new ConfigException(name, value, "must list at least one host:port");
        }
        for (Object entry : entries) {
            if (!HOST_PORT.matcher(String.valueOf(entry).trim()).matches()) {
                throw new ConfigException(name, value, "'" + entry + "' is not host:port");
            }
        }
    }

    @Override
    public String toString() {
        return "non-empty list of host:port";
    }
}
