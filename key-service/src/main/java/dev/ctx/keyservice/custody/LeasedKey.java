package dev.ctx.keyservice.custody;

import dev.ctx.envelope.key.X25519PrivateKey;

/**
 * A cached unsealed key and the uses it is lent to. The cache retires it (eviction, expiry, invalidation, close); it
 * is destroyed when it is retired and no use holds it, so a key lent to an in-flight use is never destroyed under it.
 * Thread-safe.
 */
final class LeasedKey {

    private final X25519PrivateKey key;
    private final long epoch;
    private int leases;
    private boolean retired;

    /** @param epoch the participant's invalidation epoch when the key was opened */
    LeasedKey(X25519PrivateKey key, long epoch) {
        this.key = key;
        this.epoch = epoch;
    }

    long epoch() {
        return epoch;
    }

    /** Lends the key to one use; false if it was already retired (the caller opens it again). */
    synchronized boolean acquire() {
        if (retired) {
            return false;
        }
        leases++;
        return true;
    }

    X25519PrivateKey key() {
        return key;
    }

    /** Ends one use; destroys the key if it was retired meanwhile and this was the last use. */
    synchronized void release() {
        leases--;
        destroyIfUnused();
    }

    /** No new uses; destroyed now, or when the last use in flight returns. */
    synchronized void retire() {
        retired = true;
        destroyIfUnused();
    }

    private void destroyIfUnused() {
        if (retired && leases == 0) {
            key.destroy();
        }
    }

    @Override
    public String toString() {
        return "LeasedKey[<redacted>]";
    }
}
