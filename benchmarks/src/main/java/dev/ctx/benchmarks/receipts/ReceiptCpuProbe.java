package dev.ctx.benchmarks.receipts;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

import dev.ctx.envelope.EpochPolicy;
import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.receipts.Opening;
import dev.ctx.envelope.receipts.OpeningProof;
import dev.ctx.processor.config.WrapMode;
import dev.ctx.processor.encrypt.EnvelopeLibrarySealer;
import dev.ctx.processor.encrypt.Sealer;
import dev.ctx.processor.keys.ResolvedRecipient;
import dev.ctx.schemas.encrypted.RecipientType;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;

/**
 * Thread-CPU-time probe of the receipt's per-transaction cost (issue 18): one BouncyCastle comb multiplication, the
 * commitment, commitment + opening proof, and the sealer without and with the receipt, interleaved in rounds so
 * that the ratio is taken under the same machine load. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar dev.ctx.benchmarks.receipts.ReceiptCpuProbe [calls] [rounds]}.
 * Results: BENCHMARKS.md, "Receipts".
 */
public final class ReceiptCpuProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ReceiptCpuProbe() {}

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        SecureRandom random = new SecureRandom();
        X9ECParameters params = CustomNamedCurves.getByName("secp256r1");
        ECPoint g = params.getG();
        FixedPointCombMultiplier comb = new FixedPointCombMultiplier();
        BigInteger k = new BigInteger(255, random);
        EnvelopeLibrarySealer epoch = EnvelopeLibrarySealer.create(WrapMode.EPOCH, EpochPolicy.defaults());
        Sealer withReceipts = epoch.forTask();
        Sealer withoutReceipts = epoch.withoutReceipts().forTask();
        Transaction transaction = new TransactionGenerator(GeneratorSettings.benchmarkDefault("bench"), 1L).next();
        List<ResolvedRecipient> recipients = new ArrayList<>();
        for (String id : List.of("client-1", "miner-1", "miner-2")) {
            recipients.add(new ResolvedRecipient(
                    id, RecipientType.PARTICIPANT, 1, X25519KeyPair.generate().publicKey()));
        }
        recipients.add(new ResolvedRecipient(
                Recipient.ESCROW_ID,
                RecipientType.ESCROW,
                1,
                X25519KeyPair.generate().publicKey()));
        BigInteger value = BigInteger.valueOf(12_345_678_900L);
        for (int round = 0; round <= rounds; round++) {
            String label = round == 0 ? "warm-up" : "round " + round;
            double combUs = cpuMicros(calls, () -> comb.multiply(g, k).normalize());
            double commitUs =
                    cpuMicros(calls, () -> Opening.random(value, random).commit());
            double proveUs = cpuMicros(calls, () -> {
                Opening fresh = Opening.random(value, random);
                return OpeningProof.prove("tx-bench-1", fresh.commit(), fresh, random);
            });
            double sealUs = cpuMicros(calls, () -> withoutReceipts.seal(transaction, recipients));
            double sealReceiptUs = cpuMicros(calls, () -> withReceipts.seal(transaction, recipients));
            System.out.printf(
                    Locale.ROOT,
                    "%s: comb %.1f us, commit %.1f us, commit+prove %.1f us, sealEpoch %.1f us,"
                            + " sealEpochWithReceipt %.1f us (receipt adds %.1f us, ratio %.2f)%n",
                    label,
                    combUs,
                    commitUs,
                    proveUs,
                    sealUs,
                    sealReceiptUs,
                    sealReceiptUs - sealUs,
                    sealReceiptUs / sealUs);
        }
        withReceipts.close();
        withoutReceipts.close();
    }

    private static double cpuMicros(int calls, Supplier<?> call) {
        Object sink = null;
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < calls; i++) {
            sink = call.get();
        }
        long elapsed = THREADS.getCurrentThreadCpuTime() - start;
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        return elapsed / 1_000.0 / calls;
    }
}
