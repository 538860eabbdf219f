package dev.ctx.envelope.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import org.apache.avro.Schema;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.ctx.envelope.EnvelopeOpener;
import dev.ctx.envelope.RecipientPrivateKey;
import dev.ctx.envelope.TransactionContext;
import dev.ctx.envelope.error.EnvelopeException;
import dev.ctx.envelope.error.EnvelopeFormatException;
import dev.ctx.envelope.error.ReceiptFormatException;
import dev.ctx.envelope.format.CiphertextPart;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.envelope.receipts.Commitment;
import dev.ctx.envelope.receipts.OpeningProof;
import dev.ctx.envelope.receipts.RangeProof;
import dev.ctx.envelope.receipts.SumProof;

/**
 * Fuzz targets for the byte layouts of docs/envelope-format.md and docs/receipts.md: whatever the bytes, each reader
 * accepts them or throws its documented typed exception ({@link EnvelopeFormatException}, {@link
 * ReceiptFormatException}, or for opening any {@link EnvelopeException}), within a bounded time and allocation. The
 * committed corpus (src/test/resources/dev/ctx/envelope/fuzz/EnvelopeParsersFuzzTestInputs) runs in every build;
 * {@code JAZZER_FUZZ=1} fuzzes one target for longer (RELIABILITY.md).
 */
class EnvelopeParsersFuzzTest {

    private static final Golden GOLDEN = Golden.load(Path.of("src/test/resources/golden/v2"));

    @FuzzTest(maxDuration = "60s")
    void ciphertextPartIsParsedOrRejectedAsMalformed(byte[] input) {
        FuzzProperty.onlyTypedRejections(input, List.of(EnvelopeFormatException.class), CiphertextPart::parse);
    }

    @FuzzTest(maxDuration = "60s")
    void dekWrapIsParsedOrRejectedAsMalformed(byte[] input) {
        FuzzProperty.onlyTypedRejections(
                input, List.of(EnvelopeFormatException.class), bytes -> DekWrap.parse("client-42", 1, bytes));
    }

    @FuzzTest(maxDuration = "60s")
    void receiptLayoutsAreParsedOrRejectedAsMalformed(byte[] input) {
        FuzzProperty.onlyTypedRejections(input, List.of(ReceiptFormatException.class), bytes -> {
            try {
                Commitment.parse(bytes);
            } catch (ReceiptFormatException e) {
                // each layout is tried, so one input reaches every reader
            }
            try {
                OpeningProof.parse(bytes);
            } catch (ReceiptFormatException e) {
                // as above
            }
            try {
                SumProof.parse(bytes);
            } catch (ReceiptFormatException e) {
                // as above
            }
            RangeProof.parse(bytes);
        });
    }

    /** Input: one byte n, then n bytes of DEK wrap, then the ciphertext part; opened with the golden v2 key. */
    @FuzzTest(maxDuration = "60s")
    void openingForgedPartsIsATypedRefusal(byte[] input) {
        FuzzProperty.onlyTypedRejections(input, List.of(EnvelopeException.class), GOLDEN::open);
    }

    /** The golden v2 envelope of client-42 (envelope/src/test/resources/golden/v2). */
    private record Golden(TransactionContext context, RecipientPrivateKey key, Schema schema) {

        static Golden load(Path dir) {
            try (InputStream in = Files.newInputStream(dir.resolve("inputs.properties"))) {
                Properties inputs = new Properties();
                inputs.load(in);
                Schema schema = new Schema.Parser()
                        .parse(dir.resolve("confidential-fields.avsc").toFile());
                TransactionContext context = TransactionContext.of(
                        inputs.getProperty("transactionId"),
                        schema,
                        List.of(inputs.getProperty("participants").split(",")));
                RecipientPrivateKey key = RecipientPrivateKey.of(
                        "client-42",
                        1,
                        X25519PrivateKey.takeOwnershipOf(
                                HexFormat.of().parseHex(inputs.getProperty("privateKey.client-42"))));
                return new Golden(context, key, schema);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void open(byte[] input) {
            int wrapLength = input.length == 0 ? 0 : Math.min(input[0] & 0xFF, input.length - 1);
            byte[] wrap =
                    Arrays.copyOfRange(input, input.length == 0 ? 0 : 1, wrapLength + (input.length == 0 ? 0 : 1));
            byte[] ciphertext = Arrays.copyOfRange(input, Math.min(input.length, 1 + wrapLength), input.length);
            EnvelopeOpener.create()
                    .open(CiphertextPart.parse(ciphertext), DekWrap.parse("client-42", 1, wrap), key, context, schema);
        }
    }
}
