package dev.ctx.schemas.serde;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.avro.Schema;

/**
 * Which writer schemas a deserializer accepts, by {@link WriterSchemaFingerprint}. The schema registry is otherwise a
 * trust root: a registry that answers a schema id with a schema whose field names are swapped (same types, other
 * order) moves the bytes of one field into another at decoding, e.g. a confidential amount into a public currency.
 * An allow-list of fingerprints pins the writer schemas that may be used; the check runs once per schema id, before
 * the record body is read.
 */
public final class WriterSchemaAllowList {

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");
    private static final WriterSchemaAllowList ANY = new WriterSchemaAllowList(null);

    private final Set<String> fingerprints;

    private WriterSchemaAllowList(Set<String> fingerprints) {
        this.fingerprints = fingerprints;
    }

    /** Accepts every writer schema the registry returns (the default of {@link ConfluentAvroSerde}). */
    public static WriterSchemaAllowList any() {
        return ANY;
    }

    /**
     * Accepts exactly the writer schemas with these fingerprints (hex, case-insensitive).
     *
     * @throws IllegalArgumentException if a fingerprint is not 64 hex digits
     */
    public static WriterSchemaAllowList of(Collection<String> fingerprints) {
        Set<String> normalized = fingerprints.stream()
                .map(f -> f.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        normalized.stream().filter(f -> !isFingerprint(f)).findFirst().ifPresent(f -> {
            throw new IllegalArgumentException("a writer schema fingerprint must be 64 hex digits (SHA-256)");
        });
        return new WriterSchemaAllowList(normalized);
    }

    /** Accepts {@code schema} (typically the reader's own, compiled-in schema) and the listed fingerprints. */
    public static WriterSchemaAllowList of(Schema schema, Collection<String> fingerprints) {
        Set<String> all = new HashSet<>(fingerprints);
        all.add(WriterSchemaFingerprint.of(schema));
        return of(all);
    }

    /** Tells whether {@code text} is a well-formed fingerprint: 64 hex digits, case-insensitive. */
    public static boolean isFingerprint(String text) {
        return FINGERPRINT.matcher(text.trim().toLowerCase(Locale.ROOT)).matches();
    }

    /** Tells whether a writer schema with this fingerprint may be read. */
    public boolean permits(String fingerprint) {
        return fingerprints == null || fingerprints.contains(fingerprint);
    }

    /** Whether every writer schema is accepted (no fingerprint is computed then). */
    public boolean acceptsAny() {
        return fingerprints == null;
    }

    /** The accepted fingerprints, or empty when {@link #acceptsAny()}. */
    public Set<String> fingerprints() {
        return fingerprints == null ? Set.of() : fingerprints;
    }

    @Override
    public String toString() {
        return fingerprints == null ? "WriterSchemaAllowList[any]" : "WriterSchemaAllowList" + fingerprints;
    }
}
