package dev.ctx.schemas.auditlog;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree hash of RFC 6962 §2.1 (SHA-256; leaf hash {@code SHA-256(0x00 || d)}, node hash
 * {@code SHA-256(0x01 || left || right)}, the split at the largest power of two smaller than the size), its audit
 * paths and their verification (the algorithm of RFC 9162 §2.1.3.2). In the access log the leaf data are the entry
 * hashes ({@link ChainHash}) of the sequences a checkpoint covers, in order.
 */
public final class MerkleTree {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleTree() {}

    /** {@code SHA-256(0x00 || data)}. */
    public static byte[] leafHash(byte[] data) {
        return leafHash(ChainHash.sha256(), data);
    }

    private static byte[] leafHash(MessageDigest sha, byte[] data) {
        sha.update(LEAF_PREFIX);
        sha.update(data);
        return sha.digest();
    }

    /** {@code SHA-256(0x01 || left || right)}. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        return nodeHash(ChainHash.sha256(), left, right);
    }

    private static byte[] nodeHash(MessageDigest sha, byte[] left, byte[] right) {
        sha.update(NODE_PREFIX);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The tree hash over {@code leaves} (leaf data, not leaf hashes); SHA-256 of nothing for no leaves. */
    public static byte[] root(List<byte[]> leaves) {
        Builder builder = new Builder();
        leaves.forEach(builder::append);
        return builder.root();
    }

    /** The audit path of leaf {@code index} in the tree over {@code leaves}, from the leaf's sibling upwards. */
    public static List<byte[]> inclusionPath(List<byte[]> leaves, int index) {
        if (index < 0 || index >= leaves.size()) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + leaves.size());
        }
        List<byte[]> path = new ArrayList<>();
        collectPath(leaves, index, path);
        return path;
    }

    /**
     * Whether {@code path} proves that {@code leafData} is leaf {@code index} of a tree of {@code treeSize} leaves with
     * hash {@code root}.
     */
    public static boolean verifyInclusion(byte[] leafData, long index, long treeSize, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= treeSize) {
            return false;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash(leafData);
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    private static void collectPath(List<byte[]> leaves, int index, List<byte[]> path) {
        int n = leaves.size();
        if (n <= 1) {
            return;
        }
        int k = Integer.highestOneBit(n - 1);
        if (index < k) {
            collectPath(leaves.subList(0, k), index, path);
            path.add(root(leaves.subList(k, n)));
        } else {
            collectPath(leaves.subList(k, n), index - k, path);
            path.add(root(leaves.subList(0, k)));
        }
    }

    /**
     * Computes the tree hash of leaves appended one at a time, in O(log n) memory: the stack holds the roots of the
     * perfect subtrees so far, merged from the right at the end (the same hash as the recursive definition).
     */
    public static final class Builder {

        /** The roots of the perfect subtrees, largest first: one per bit set in {@link #size}, so no heights kept. */
        private final List<byte[]> stack = new ArrayList<>();

        /** One digest for every hash of this (single-threaded) builder. */
        private final MessageDigest sha = ChainHash.sha256();

        private long size;

        /** Appends one leaf (its data; the builder takes the leaf hash). */
        public Builder append(byte[] leafData) {
            byte[] hash = leafHash(sha, leafData);
            for (long carry = size; (carry & 1) == 1; carry >>>= 1) {
                hash = nodeHash(sha, stack.remove(stack.size() - 1), hash);
            }
            stack.add(hash);
            size++;
            return this;
        }

        /**
         * Resumes a builder from its persisted state ({@link #size()} and {@link #frontier()}), e.g. a sealer's chain
         * head restored from its changelog; appending then gives the same root as if it had never stopped.
         *
         * @param size the number of leaves appended so far
         * @param frontier the roots of the perfect subtrees so far, largest first: one per bit set in {@code size}
         * @throws IllegalArgumentException if the frontier does not fit {@code size} or a hash is not 32 bytes
         */
        public static Builder resume(long size, List<byte[]> frontier) {
            if (size < 0 || Long.bitCount(size) != frontier.size()) {
                throw new IllegalArgumentException(
                        "a frontier of " + frontier.size() + " subtrees does not fit " + size + " leaves");
            }
            Builder builder = new Builder();
            for (byte[] hash : frontier) {
                if (hash.length != ChainHash.LENGTH) {
                    throw new IllegalArgumentException("a subtree root must be " + ChainHash.LENGTH + " bytes");
                }
                builder.stack.add(hash.clone());
            }
            builder.size = size;
            return builder;
        }

        /** The roots of the perfect subtrees so far, largest first (copies): with {@link #size()}, all its state. */
        public List<byte[]> frontier() {
            List<byte[]> copies = new ArrayList<>(stack.size());
            stack.forEach(hash -> copies.add(hash.clone()));
            return copies;
        }

        /** How many leaves were appended. */
        public long size() {
            return size;
        }

        /** The tree hash over the leaves appended so far. */
        public byte[] root() {
            if (stack.isEmpty()) {
                return sha.digest();
            }
            byte[] r = stack.get(stack.size() - 1);
            for (int i = stack.size() - 2; i >= 0; i--) {
                r = nodeHash(sha, stack.get(i), r);
            }
            return Arrays.copyOf(r, r.length);
        }
    }
}
