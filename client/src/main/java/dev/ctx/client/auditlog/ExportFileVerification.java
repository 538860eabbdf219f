package dev.ctx.client.auditlog;

import java.io.IOException;
import java.nio.file.Path;

/** Verifies an export file offline under pinned signing keys. */
public final class ExportFileVerification {

    private ExportFileVerification() {}

    /**
     * Verifies every chain and checkpoint of {@code file} under {@code keys} (not the keys the file's header names,
     * unless the caller passes {@code reader.header().keys()} deliberately). A malformed or cut-short file is a break
     * of topic {@code export-file} at the line it is on.
     */
    public static VerificationReport verify(Path file, SigningKeys keys, ProgressListener progress) throws IOException {
        try (ExportFileReader reader = ExportFileReader.open(file)) {
            return verify(reader, keys, progress);
        } catch (ExportFileException e) {
            AccessLogVerifier verifier = new AccessLogVerifier(keys, AccessLogTopics.defaults(), progress);
            verifier.sourceBroken(ExportFormat.FILE_TOPIC, e.line(), BreakKind.UNDECODABLE, e.getMessage());
            return verifier.finish();
        }
    }

    /** As {@link #verify(Path, SigningKeys, ProgressListener)} on an opened reader (its header read already). */
    public static VerificationReport verify(ExportFileReader reader, SigningKeys keys, ProgressListener progress)
            throws IOException {
        AccessLogVerifier verifier = new AccessLogVerifier(keys, reader.header().topics(), progress);
        try {
            reader.readInto(verifier);
        } catch (ExportFileException e) {
            BreakKind kind = e.cutShort() ? BreakKind.TRUNCATED : BreakKind.UNDECODABLE;
            verifier.sourceBroken(ExportFormat.FILE_TOPIC, e.line(), kind, e.getMessage());
        }
        return verifier.finish();
    }
}
