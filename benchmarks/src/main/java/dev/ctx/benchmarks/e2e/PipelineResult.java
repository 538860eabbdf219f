package dev.ctx.benchmarks.e2e;

/**
 * What one pipeline achieved.
 *
 * @param pipeline pipeline name
 * @param transactions transactions in the throughput phase
 * @param throughputPerSecond committed output records per second, first to last record
 * @param cpuSecondsPer1000 CPU seconds of the application's threads per 1,000 transactions
 * @param latencyRatePerSecond input rate of the latency phase
 * @param latencyMillis produce timestamp to committed output, at that rate, after the warm-up
 * @param warmupLatencyMillis the same for the first 10 % of the latency phase (a newly started application)
 */
record PipelineResult(
        String pipeline,
        long transactions,
        double throughputPerSecond,
        double cpuSecondsPer1000,
        double latencyRatePerSecond,
        Percentiles latencyMillis,
        Percentiles warmupLatencyMillis) {}
