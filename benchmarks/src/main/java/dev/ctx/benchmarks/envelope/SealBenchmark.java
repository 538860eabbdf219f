package dev.ctx.benchmarks.envelope;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.avro.generic.GenericRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.ctx.envelope.EnvelopeSealer;
import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.RecipientPrivateKey;
import dev.ctx.envelope.SealedTransaction;
import dev.ctx.envelope.TransactionContext;

/**
 * One transaction sealed per op: Avro serialization, fresh DEK, AES-256-GCM of ~400 bytes, one ephemeral X25519 key,
 * and an HPKE wrap per recipient (N scalar multiplications).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Thread)
public class SealBenchmark {

    @Param({"1", "2", "4", "8"})
    public int recipients;

    private final EnvelopeSealer sealer = EnvelopeSealer.create();
    private final GenericRecord record = ConfidentialPayload.record();
    private final TransactionContext context = ConfidentialPayload.context("tx-bench-1");
    private List<Recipient> recipientList;

    @Setup
    public void setUp() {
        recipientList = ConfidentialPayload.recipientKeys(recipients).stream()
                .map(RecipientPrivateKey::asRecipient)
                .toList();
    }

    @Benchmark
    public SealedTransaction seal() {
        return sealer.seal(record, context, recipientList);
    }
}
