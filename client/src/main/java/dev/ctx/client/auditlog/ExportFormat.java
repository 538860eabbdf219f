package dev.ctx.client.auditlog;

/** Names of the export file's lines and fields (docs/access-log-chain.md §7). */
final class ExportFormat {

    static final String FORMAT = "ctx-access-log-export/v1";

    static final String KIND = "kind";
    static final String HEADER = "header";
    static final String CHECKPOINT = "checkpoint";
    static final String ENTRY = "entry";
    static final String UNDECODABLE = "undecodable";
    static final String END = "end";
    static final String TRAILER = "trailer";

    static final String PARTITION = "partition";
    static final String OFFSET = "offset";
    static final String KEY = "key";
    static final String RECORD = "record";
    static final String TOPIC = "topic";
    static final String REASON = "reason";
    static final String VALUE = "value";
    static final String END_OFFSET = "endOffset";
    static final String ENTRIES = "entries";
    static final String CHECKPOINTS = "checkpoints";

    /** The pseudo-topic of a break in the export file itself; its offset is the line number. */
    static final String FILE_TOPIC = "export-file";

    private ExportFormat() {}
}
