package dev.ctx.testkit.data;

import java.util.List;

/**
 * What {@link TransactionGenerator} produces.
 *
 * @param idPrefix prefix of transaction ids
 * @param participantPool participant ids to draw from
 * @param minParticipants fewest participants per transaction (at least 1)
 * @param maxParticipants most participants per transaction (at most the pool size)
 * @param confidentialRatio share of transactions flagged confidential, 0..1
 * @param confidentialBytes approximate Avro size of the confidential fields
 * @param startEpochMillis timestamp of the first transaction
 */
public record GeneratorSettings(
        String idPrefix,
        List<String> participantPool,
        int minParticipants,
        int maxParticipants,
        double confidentialRatio,
        int confidentialBytes,
        long startEpochMillis) {

    /** Validates the ranges. */
    public GeneratorSettings {
        participantPool = List.copyOf(participantPool);
        if (minParticipants < 1 || maxParticipants < minParticipants || maxParticipants > participantPool.size()) {
            throw new IllegalArgumentException(
                    "participants per transaction must satisfy 1 <= min <= max <= pool size, got " + minParticipants
                            + ".." + maxParticipants + " of " + participantPool.size());
        }
        if (confidentialRatio < 0 || confidentialRatio > 1) {
            throw new IllegalArgumentException("confidentialRatio must be within 0..1, got " + confidentialRatio);
        }
    }

    /** 3 participants from a pool of 3, all confidential, ~400-byte confidential part: the benchmark default. */
    public static GeneratorSettings benchmarkDefault(String idPrefix) {
        return new GeneratorSettings(
                idPrefix, List.of("client-1", "miner-1", "miner-2"), 3, 3, 1.0, 400, 1_767_225_600_000L);
    }

    /** A copy with another participant pool and range. */
    public GeneratorSettings withParticipants(List<String> pool, int min, int max) {
        return new GeneratorSettings(idPrefix, pool, min, max, confidentialRatio, confidentialBytes, startEpochMillis);
    }

    /** A copy with another confidential ratio. */
    public GeneratorSettings withConfidentialRatio(double ratio) {
        return new GeneratorSettings(
                idPrefix,
                participantPool,
                minParticipants,
                maxParticipants,
                ratio,
                confidentialBytes,
                startEpochMillis);
    }
}
