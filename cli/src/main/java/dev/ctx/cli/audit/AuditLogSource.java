package dev.ctx.cli.audit;

import java.util.function.Consumer;

/**
 * Where {@code ctx audit search} and {@code report} read sealed entries from: the broker's {@code access-log}
 * ({@link KafkaAuditLogSource}) or, at merge, the verifier's JSON Lines export file ({@code --file FILE}). A source
 * is bounded: it delivers what the log held when reading started and then returns.
 */
public interface AuditLogSource extends AutoCloseable {

    /**
     * Delivers every entry up to the end of the log as it was when reading started; within a partition in offset
     * order, partitions in no particular order.
     *
     * @throws AuditLogReadException when the log cannot be read or an entry does not decode (never skipped)
     */
    void read(Consumer<AuditEntry> sink);

    /** Where the entries come from, e.g. {@code access-log @ 127.0.0.1:9092}; shown in reports. */
    String description();

    @Override
    void close();
}
