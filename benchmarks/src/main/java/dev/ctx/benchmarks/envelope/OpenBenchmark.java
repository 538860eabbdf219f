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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.ctx.envelope.EnvelopeOpener;
import dev.ctx.envelope.EnvelopeRewrapper;
import dev.ctx.envelope.EnvelopeSealer;
import dev.ctx.envelope.RecipientPrivateKey;
import dev.ctx.envelope.SealedTransaction;
import dev.ctx.envelope.TransactionContext;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.key.X25519KeyPair;

/**
 * One recipient opening one transaction (1 X25519 + HKDF + 2 AES-GCM + Avro decode), and one rewrap (2 X25519 + 1
 * keygen).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Thread)
public class OpenBenchmark {

    private final EnvelopeOpener opener = EnvelopeOpener.create();
    private final EnvelopeRewrapper rewrapper = EnvelopeRewrapper.create();
    private final TransactionContext context = ConfidentialPayload.context("tx-bench-2");
    private RecipientPrivateKey key;
    private RecipientPrivateKey nextVersion;
    private SealedTransaction sealed;
    private DekWrap wrap;

    @Setup
    public void setUp() {
        List<RecipientPrivateKey> keys = ConfidentialPayload.recipientKeys(4);
        key = keys.get(0);
        nextVersion = RecipientPrivateKey.of(
                key.recipientId(), 2, X25519KeyPair.generate().privateKey());
        sealed = EnvelopeSealer.create()
                .seal(
                        ConfidentialPayload.record(),
                        context,
                        keys.stream().map(RecipientPrivateKey::asRecipient).toList());
        wrap = sealed.wrapFor(key.recipientId());
    }

    @Benchmark
    public GenericRecord open() {
        return opener.open(sealed.ciphertext(), wrap, key, context, ConfidentialPayload.SCHEMA);
    }

    @Benchmark
    public byte[] openSerialized() {
        return opener.openSerialized(sealed.ciphertext(), wrap, key, context);
    }

    @Benchmark
    public DekWrap rewrap() {
        return rewrapper.rewrap(wrap, key, nextVersion.asRecipient(), context);
    }
}
