package dev.ctx.processor.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How the processor wraps each transaction's fresh DEK for its recipients ({@code envelope.wrap-mode}). */
public enum WrapMode {

    /** One single-shot HPKE seal per recipient per transaction (layout v2): one X25519 keygen + DH per recipient. */
    PER_TRANSACTION("per-transaction"),

    /**
     * Epoch wraps (layout {@code 0x03}): one multi-shot HPKE context per recipient key and epoch, one AES-GCM seal of
     * the DEK per recipient per transaction. See docs/envelope-format.md, "Epoch wraps".
     */
    EPOCH("epoch");

    private final String configValue;

    WrapMode(String configValue) {
        this.configValue = configValue;
    }

    /** The spelling used in configuration files. */
    public String configValue() {
        return configValue;
    }

    /** Every accepted configuration spelling. */
    public static List<String> configValues() {
        return Arrays.stream(values()).map(WrapMode::configValue).toList();
    }

    /** Parses a configuration spelling, case-insensitively. */
    public static WrapMode fromConfigValue(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(mode -> mode.configValue.equals(normalized))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown wrap mode " + value));
    }
}
