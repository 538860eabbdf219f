package dev.ctx.processor.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Which transactions the processor seals. */
public enum EncryptionMode {

    /** Seal only transactions whose {@code confidential} flag is true; the others pass with their fields in clear. */
    OPT_IN("opt-in"),

    /** Seal every transaction, whatever its {@code confidential} flag says. */
    ALWAYS("always");

    private final String configValue;

    EncryptionMode(String configValue) {
        this.configValue = configValue;
    }

    /** The spelling used in configuration files. */
    public String configValue() {
        return configValue;
    }

    /** Every accepted configuration spelling. */
    public static List<String> configValues() {
        return Arrays.stream(values()).map(EncryptionMode::configValue).toList();
    }

    /** Parses a configuration spelling, case-insensitively. */
    public static EncryptionMode fromConfigValue(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(mode -> mode.configValue.equals(normalized))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown encryption mode " + value));
    }
}
