package dev.ctx.cli.audit;

import java.util.Map;
import java.util.Optional;

import dev.ctx.client.auditlog.AccessLogTopics;
import dev.ctx.client.auditlog.AccessLogVerifier;
import dev.ctx.client.auditlog.BrokerAccessLog;
import dev.ctx.client.auditlog.ChainBreak;
import dev.ctx.client.auditlog.SigningKeys;
import dev.ctx.client.auditlog.VerificationReport;

/**
 * The chain status of {@code ctx audit report} from a full verification of the broker's access log (the same checks
 * as {@code ctx audit verify}: every chain, every checkpoint signature and Merkle root), so the report claims
 * "verified" only when the verifier said so.
 */
final class BrokerChainStatus implements ChainStatusSource {

    private final BrokerAccessLog log;
    private final SigningKeys keys;
    private final AccessLogTopics topics;

    BrokerChainStatus(BrokerAccessLog log, SigningKeys keys, AccessLogTopics topics) {
        this.log = log;
        this.keys = keys;
        this.topics = topics;
    }

    /** A source reading {@code entriesTopic} and its checkpoints topic on the broker {@code consumer} names. */
    static BrokerChainStatus of(
            Map<String, Object> consumer, Map<String, Object> serdeConfig, AccessLogTopics topics, SigningKeys keys) {
        return new BrokerChainStatus(new BrokerAccessLog(consumer, serdeConfig, topics), keys, topics);
    }

    @Override
    public ChainStatus chainStatus() {
        AccessLogVerifier verifier = new AccessLogVerifier(keys, topics);
        log.readInto(verifier);
        return of(verifier.finish());
    }

    /** Maps the verifier's report to what the HTML report shows. */
    static ChainStatus of(VerificationReport report) {
        int partitions = report.partitions().size();
        Optional<ChainBreak> first = report.firstBreak();
        if (report.valid()) {
            return new ChainStatus(
                    ChainStatus.Verdict.VERIFIED,
                    partitions,
                    report.entries(),
                    report.checkpoints(),
                    null,
                    "Verified by the access-log verifier when this report was written.");
        }
        ChainBreak broken = first.orElseThrow();
        return new ChainStatus(
                ChainStatus.Verdict.BROKEN,
                partitions,
                report.entries(),
                report.checkpoints(),
                new ChainStatus.ChainBreak(
                        broken.partition(), broken.offset(), broken.kind().name()),
                broken.describe());
    }
}
