package dev.ctx.testkit.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import dev.ctx.schemas.transaction.AccessPolicy;
import dev.ctx.schemas.transaction.Pricing;
import dev.ctx.schemas.transaction.SettlementDetails;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.schemas.transaction.TransactionStatus;

/**
 * Generates plausible {@link Transaction}s. Every confidential value carries a marker ({@link #plantedMarker(String)})
 * so tests can scan raw topic bytes for leaked plaintext. Not thread-safe; one generator per thread.
 */
public final class TransactionGenerator {

    private static final int SCALE = 8;
    private static final String[] METHODS = {"SEPA", "SWIFT", "ACH", "ON_CHAIN", "INTERNAL"};
    private static final String[] CURRENCIES = {"EUR", "USD", "GBP", "CHF", "USDC"};
    private final SplittableRandom random;
    private final GeneratorSettings settings;
    private long sequence;

    /** A generator with the given settings and seed. */
    public TransactionGenerator(GeneratorSettings settings, long seed) {
        this.settings = settings;
        this.random = new SplittableRandom(seed);
    }

    /** The next transaction; ids are {@code <prefix>-<sequence>}. */
    public Transaction next() {
        long n = sequence++;
        String id = settings.idPrefix() + "-" + n;
        return Transaction.newBuilder()
                .setTransactionId(id)
                .setJobId("job-" + random.nextInt(1_000_000))
                .setTimestamp(Instant.ofEpochMilli(settings.startEpochMillis() + n * 10))
                .setStatus(TransactionStatus.CONFIRMED)
                .setAmount(money(random.nextLong(1, 10_000_000_000L)))
                .setCurrency(CURRENCIES[random.nextInt(CURRENCIES.length)])
                .setPricing(pricing(id))
                .setSettlementDetails(settlement(id))
                .setConfidential(random.nextDouble() < settings.confidentialRatio())
                .setParticipants(participants())
                .setAccessPolicy(AccessPolicy.newBuilder()
                        .setAllowedPurposes(List.of("settlement", "dispute"))
                        .build())
                .build();
    }

    /** An endless iterator over {@link #next()}. */
    public Iterator<Transaction> asIterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Transaction next() {
                return TransactionGenerator.this.next();
            }
        };
    }

    /** The marker planted in every confidential string value of transaction {@code transactionId}. */
    public static String plantedMarker(String transactionId) {
        return "SECRET-" + transactionId;
    }

    private Pricing pricing(String id) {
        return Pricing.newBuilder()
                .setUnitPrice(money(random.nextLong(1, 100_000_000_000L)))
                .setQuantity(money(random.nextLong(1, 1_000_000_000L)))
                .setFee(money(random.nextLong(0, 10_000_000L)))
                .setPricingModel("tiered-" + plantedMarker(id))
                .setAttributes(Map.of("desk", "desk-" + random.nextInt(100), "note", padding(id)))
                .build();
    }

    private SettlementDetails settlement(String id) {
        return SettlementDetails.newBuilder()
                .setMethod(METHODS[random.nextInt(METHODS.length)])
                .setAccountReference("ACC-" + plantedMarker(id) + "-" + random.nextInt(1_000_000))
                .setSettlementDate(Instant.ofEpochMilli(settings.startEpochMillis() + 86_400_000L))
                .setAttributes(Map.of("bic", "BANK" + random.nextInt(10_000)))
                .build();
    }

    private List<String> participants() {
        int count = random.nextInt(settings.minParticipants(), settings.maxParticipants() + 1);
        List<String> pool = new ArrayList<>(settings.participantPool());
        List<String> chosen = new ArrayList<>(count);
        for (int i = 0; i < count && !pool.isEmpty(); i++) {
            chosen.add(pool.remove(random.nextInt(pool.size())));
        }
        return chosen;
    }

    /** Pads the confidential part so it serializes to about {@link GeneratorSettings#confidentialBytes()} bytes. */
    private String padding(String id) {
        int length = Math.max(0, settings.confidentialBytes() - 160);
        StringBuilder builder = new StringBuilder(length).append(plantedMarker(id));
        while (builder.length() < length) {
            builder.append((char) ('a' + random.nextInt(26)));
        }
        return builder.toString();
    }

    private static BigDecimal money(long unscaled) {
        return BigDecimal.valueOf(unscaled, SCALE).setScale(SCALE, RoundingMode.UNNECESSARY);
    }
}
