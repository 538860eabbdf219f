/**
 * End-to-end benchmark: the same generated input run, in one JVM and on one embedded broker, through a pass-through
 * Streams topology (the baseline) and through the encryption topology, both with the same serdes and
 * {@code exactly_once_v2}; reports throughput, end-to-end latency at a fixed rate, CPU per 1,000 transactions and the
 * ratios between the two. {@link dev.ctx.benchmarks.e2e.AccessBenchmark} measures access requests over HTTPS against a
 * real key service on the same kind of broker, against an authenticated baseline endpoint of the same server.
 */
package dev.ctx.benchmarks.e2e;
