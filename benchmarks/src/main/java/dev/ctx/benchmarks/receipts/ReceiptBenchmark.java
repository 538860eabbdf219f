package dev.ctx.benchmarks.receipts;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.ctx.envelope.EpochPolicy;
import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.receipts.Commitment;
import dev.ctx.envelope.receipts.Opening;
import dev.ctx.envelope.receipts.OpeningProof;
import dev.ctx.envelope.receipts.RangeProof;
import dev.ctx.envelope.receipts.SumProof;
import dev.ctx.envelope.receipts.SumStatement;
import dev.ctx.processor.config.WrapMode;
import dev.ctx.processor.encrypt.EnvelopeLibrarySealer;
import dev.ctx.processor.encrypt.SealResult;
import dev.ctx.processor.encrypt.Sealer;
import dev.ctx.processor.keys.ResolvedRecipient;
import dev.ctx.schemas.encrypted.RecipientType;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;

/**
 * The cost of receipts (issue 18), microseconds per operation on one thread. {@code sealEpoch} vs
 * {@code sealEpochWithReceipt} is the same-run ratio of the processor's per-transaction work (projection, epoch seal
 * for 3 participants and the escrow) without and with the receipt (commitment and opening proof); the others are the
 * proofs alone, and the on-demand range and sum proofs. Results: BENCHMARKS.md, "Receipts".
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Thread)
public class ReceiptBenchmark {

    private static final int SUM_SIZE = 1_000;

    private final SecureRandom random = new SecureRandom();
    private Sealer withReceipts;
    private Sealer withoutReceipts;
    private Transaction transaction;
    private List<ResolvedRecipient> recipients;
    private Opening opening;
    private Commitment commitment;
    private OpeningProof openingProof;
    private RangeProof rangeProof;
    private SumStatement sumStatement;
    private List<Opening> sumOpenings;
    private SumProof sumProof;

    @Setup
    public void setUp() {
        EnvelopeLibrarySealer epoch = EnvelopeLibrarySealer.create(WrapMode.EPOCH, EpochPolicy.defaults());
        withReceipts = epoch.forTask();
        withoutReceipts = epoch.withoutReceipts().forTask();
        transaction = new TransactionGenerator(GeneratorSettings.benchmarkDefault("bench"), 1L).next();
        recipients = new ArrayList<>();
        for (String id : List.of("client-1", "miner-1", "miner-2")) {
            recipients.add(new ResolvedRecipient(
                    id, RecipientType.PARTICIPANT, 1, X25519KeyPair.generate().publicKey()));
        }
        recipients.add(new ResolvedRecipient(
                Recipient.ESCROW_ID,
                RecipientType.ESCROW,
                1,
                X25519KeyPair.generate().publicKey()));
        opening = Opening.random(BigInteger.valueOf(12_345_678_900L), random);
        commitment = opening.commit();
        openingProof = OpeningProof.prove("tx-bench-1", commitment, opening, random);
        rangeProof = RangeProof.prove("tx-bench-1", commitment, opening, random);
        List<SumStatement.Entry> entries = new ArrayList<>(SUM_SIZE);
        sumOpenings = new ArrayList<>(SUM_SIZE);
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < SUM_SIZE; i++) {
            Opening o = Opening.random(BigInteger.valueOf(1_000_000L + i), random);
            sumOpenings.add(o);
            entries.add(new SumStatement.Entry("tx-bench-" + i, o.commit()));
            total = total.add(o.value());
        }
        sumStatement = new SumStatement("miner-1", entries, total);
        sumProof = SumProof.prove(sumStatement, sumOpenings, random);
    }

    @TearDown
    public void tearDown() {
        withReceipts.close();
        withoutReceipts.close();
    }

    @Benchmark
    public SealResult sealEpoch() {
        return withoutReceipts.seal(transaction, recipients);
    }

    @Benchmark
    public SealResult sealEpochWithReceipt() {
        return withReceipts.seal(transaction, recipients);
    }

    /** The per-transaction receipt work: fresh r, C = v·G + r·H, opening proof. */
    @Benchmark
    public OpeningProof commitAndProveOpening() {
        Opening fresh = Opening.random(opening.value(), random);
        return OpeningProof.prove("tx-bench-1", fresh.commit(), fresh, random);
    }

    /** The same work as the processor does it: C and the proof's A normalised together. */
    @Benchmark
    public OpeningProof.Committed commitAndProveTogether() {
        return OpeningProof.commitAndProve("tx-bench-1", Opening.random(opening.value(), random), random);
    }

    @Benchmark
    public boolean verifyOpening() {
        return openingProof.verify("tx-bench-1", commitment);
    }

    @Benchmark
    public RangeProof proveRange() {
        return RangeProof.prove("tx-bench-1", commitment, opening, random);
    }

    @Benchmark
    public boolean verifyRange() {
        return rangeProof.verify("tx-bench-1", commitment);
    }

    @Benchmark
    public SumProof proveSumOf1000() {
        return SumProof.prove(sumStatement, sumOpenings, random);
    }

    @Benchmark
    public boolean verifySumOf1000() {
        return sumProof.verify(sumStatement);
    }
}
