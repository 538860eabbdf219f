package dev.ctx.processor.config;

import java.util.List;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts a non-empty list of SHA-256 fingerprints, 64 hex digits each. */
final class FingerprintListValidator implements ConfigDef.Validator {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    @Override
    public void ensureValid(String name, Object value) {
        @SuppressWarnings("unchecked")
        List<String> fingerprints = (List<String>) value;
        if (fingerprints == null || fingerprints.isEmpty()) {
            throw new ConfigException(name, value, "must list the escrow public key's SHA-256 fingerprint");
        }
        for (String fingerprint : fingerprints) {
            if (!SHA256_HEX.matcher(fingerprint.trim()).matches()) {
                throw new ConfigException(name, fingerprint, "not a SHA-256 fingerprint (64 hex digits)");
            }
        }
    }

    @Override
    public String toString() {
        return "comma-separated SHA-256 fingerprints (64 hex digits)";
    }
}
