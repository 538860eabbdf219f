package dev.ctx.cli.consume;

import dev.ctx.schemas.encrypted.EncryptedTransaction;

/** How {@code ctx consume --decrypt} opens a sealed record: through the access API or locally with a key file. */
interface Decryption extends AutoCloseable {

    /** The opened confidential fields as one line of JSON, or {@code not opened: <why>}. */
    String open(EncryptedTransaction sealed);

    @Override
    default void close() {}
}
