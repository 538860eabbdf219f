package dev.ctx.cli.produce;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for {@code ctx produce --file} input: any file content (decoded as strict UTF-8, as
 * {@link TransactionJsonLines#read(java.nio.file.Path)} does) is read into transactions or refused with an
 * {@link InvalidTransactionLineException} naming line and field (or an I/O error for bytes that are not UTF-8), never
 * another exception, a hang or an allocation beyond the file's size. The committed corpus
 * (src/test/resources/dev/ctx/cli/produce/TransactionJsonLinesFuzzTestInputs) holds valid lines and the decimal and
 * timestamp edge cases.
 */
class TransactionJsonLinesFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyFileIsReadOrRefusedNamingTheLine(byte[] input) {
        FuzzProperty.onlyTypedRejections(
                input,
                List.of(InvalidTransactionLineException.class, UncheckedIOException.class),
                TransactionJsonLinesFuzzTest::read);
    }

    private static void read(byte[] file) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8.newDecoder()))) {
            TransactionJsonLines.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
