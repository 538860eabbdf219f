package dev.ctx.processor.config;

import java.util.Base64;
import java.util.HexFormat;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.envelope.sign.Ed25519VerifyingKey;

/** Accepts a 32-byte Ed25519 public key as standard base64 (44 characters) or 64 hex digits. */
final class KeyPinValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        String text = (String) value;
        if (text == null || text.isBlank()) {
            throw new ConfigException(
                    name,
                    value,
                    "must be the key service's keyring-signing public key"
                            + " (GET /v1/keyring-signing-key); the processor does not start without it");
        }
        try {
            parse(text);
        } catch (IllegalArgumentException | InvalidInputException e) {
            throw new ConfigException(name, value, "not a 32-byte Ed25519 public key in base64 or hex");
        }
    }

    /** @throws IllegalArgumentException or {@link InvalidInputException} if {@code text} is not a valid key */
    static Ed25519VerifyingKey parse(String text) {
        String trimmed = text.trim();
        byte[] bytes = trimmed.length() == 2 * Ed25519VerifyingKey.LENGTH
                        && trimmed.chars().allMatch(c -> Character.digit(c, 16) >= 0)
                ? HexFormat.of().parseHex(trimmed)
                : Base64.getDecoder().decode(trimmed);
        return Ed25519VerifyingKey.of(bytes);
    }

    @Override
    public String toString() {
        return "Ed25519 public key, base64 or hex";
    }
}
