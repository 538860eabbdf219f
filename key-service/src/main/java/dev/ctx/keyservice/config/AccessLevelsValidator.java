package dev.ctx.keyservice.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import dev.ctx.keyservice.access.AccessLevels;

/** Accepts {@code purpose:field+field,...} naming only confidential fields, each purpose once. */
final class AccessLevelsValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            throw new ConfigException(name, null, "must be purpose:field+field,...");
        }
        try {
            AccessLevels.parse((String) value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "purpose:field+field,... (fields: amount, pricing, settlementDetails)";
    }
}
