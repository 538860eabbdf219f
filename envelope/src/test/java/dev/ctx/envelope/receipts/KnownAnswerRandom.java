package dev.ctx.envelope.receipts;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** A deterministic byte stream, SHA-256(seed || u64be counter) blocks, for golden files. Never for real data. */
final class KnownAnswerRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;

    private final byte[] seed;
    private long counter;

    KnownAnswerRandom(String seed) {
        this.seed = seed.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public synchronized void nextBytes(byte[] bytes) {
        int filled = 0;
        while (filled < bytes.length) {
            byte[] input = new byte[seed.length + 8];
            System.arraycopy(seed, 0, input, 0, seed.length);
            for (int i = 0; i < 8; i++) {
                input[seed.length + i] = (byte) (counter >>> (56 - 8 * i));
            }
            counter++;
            byte[] block = HashToCurve.sha256(input);
            int take = Math.min(block.length, bytes.length - filled);
            System.arraycopy(block, 0, bytes, filled, take);
            filled += take;
        }
    }
}
