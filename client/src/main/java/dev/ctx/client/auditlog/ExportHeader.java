package dev.ctx.client.auditlog;

import java.util.Objects;

/**
 * The first line of an export file: its format, when and from where it was written, the topics and the signing keys
 * the exporter saw. The keys are what the file claims: a verifier pins its own ({@code --signing-keys}).
 */
public record ExportHeader(String format, String exportedAt, String source, AccessLogTopics topics, SigningKeys keys) {

    public ExportHeader {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(keys, "keys");
    }
}
