package dev.ctx.processor.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds planted plaintext in raw bytes: one string prefix, and many fixed-length binary needles (the unscaled bytes
 * of planted decimals) looked up by their last 8 bytes, so a scan is linear in the haystack.
 */
public final class PlaintextScanner {

    private static final int KEY_BYTES = Long.BYTES;

    private final byte[] prefix;
    private final int needleLength;
    private final Map<Long, List<byte[]>> needlesByTail = new HashMap<>();

    /**
     * @param stringPrefix a string that only confidential values contain
     * @param needles binary needles, all of the same length (at least 8 bytes)
     */
    public PlaintextScanner(String stringPrefix, List<byte[]> needles) {
        this.prefix = stringPrefix.getBytes(StandardCharsets.UTF_8);
        this.needleLength = needles.get(0).length;
        for (byte[] needle : needles) {
            if (needle.length != needleLength || needle.length < KEY_BYTES) {
                throw new IllegalArgumentException("needles must share one length of at least 8 bytes");
            }
            needlesByTail
                    .computeIfAbsent(tail(needle, needle.length - KEY_BYTES), key -> new ArrayList<>())
                    .add(needle);
        }
    }

    /** Descriptions of every hit in {@code haystack}, empty when it carries no planted plaintext. */
    public List<String> find(byte[] haystack) {
        List<String> hits = new ArrayList<>();
        for (int i = 0; i + prefix.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + prefix.length, prefix, 0, prefix.length)) {
                hits.add("string prefix at " + i);
            }
        }
        for (int start = 0; start + needleLength <= haystack.length; start++) {
            if (needleAt(haystack, start)) {
                hits.add("decimal bytes at " + start);
            }
        }
        return hits;
    }

    private boolean needleAt(byte[] haystack, int start) {
        List<byte[]> candidates = needlesByTail.get(tail(haystack, start + needleLength - KEY_BYTES));
        return candidates != null
                && candidates.stream()
                        .anyMatch(needle ->
                                Arrays.equals(haystack, start, start + needleLength, needle, 0, needleLength));
    }

    private static long tail(byte[] bytes, int offset) {
        return ByteBuffer.wrap(bytes, offset, KEY_BYTES).getLong();
    }
}
