package dev.ctx.cli.receipts;

import java.nio.ByteBuffer;

/** Byte access to the receipt record's fields. */
final class ReceiptFields {

    private ReceiptFields() {}

    static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
