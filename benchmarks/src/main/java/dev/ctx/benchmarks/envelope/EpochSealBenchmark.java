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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.ctx.envelope.EnvelopeSealer;
import dev.ctx.envelope.EpochPolicy;
import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.RecipientPrivateKey;
import dev.ctx.envelope.SealedTransaction;
import dev.ctx.envelope.TransactionContext;

/**
 * One transaction sealed per op with epoch wraps (the processor's {@code envelope.wrap-mode=epoch}): Avro
 * serialization, fresh DEK and seal id, AES-256-GCM of ~400 bytes, then one AES-256-GCM seal of the 32-byte DEK per
 * recipient with its epoch context (default policy: a new epoch, i.e. one X25519 keygen + DH per recipient, every
 * 100,000 seals or 60 s). Compare with {@link SealBenchmark} at the same {@code recipients}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Thread)
public class EpochSealBenchmark {

    @Param({"1", "4", "8"})
    public int recipients;

    private final EnvelopeSealer sealer = EnvelopeSealer.createEpoch(EpochPolicy.defaults());
    private final GenericRecord record = ConfidentialPayload.record();
    private final TransactionContext context = ConfidentialPayload.context("tx-bench-1");
    private List<Recipient> recipientList;

    @Setup
    public void setUp() {
        recipientList = ConfidentialPayload.recipientKeys(recipients).stream()
                .map(RecipientPrivateKey::asRecipient)
                .toList();
    }

    @TearDown
    public void tearDown() {
        sealer.close();
    }

    @Benchmark
    public SealedTransaction seal() {
        return sealer.seal(record, context, recipientList);
    }
}
