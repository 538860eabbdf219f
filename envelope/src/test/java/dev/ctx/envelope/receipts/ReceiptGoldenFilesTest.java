package dev.ctx.envelope.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * The v1 receipt layouts pinned as golden files ({@code receipts-golden/v1}; not under {@code golden/}, whose
 * directories are envelope format versions): proofs made with known-answer randomness must reproduce the files byte
 * for byte, and the committed files must parse and verify, so a Python or Go verifier can test against them.
 * {@code -Dreceipts.golden.write=true} rewrites the files after an intended layout change.
 */
class ReceiptGoldenFilesTest {

    private static final Path DIRECTORY = Path.of("src/test/resources/receipts-golden/v1");
    private static final HexFormat HEX = HexFormat.of();
    private static final String TXN_1 = "txn-golden-1";
    private static final String TXN_2 = "txn-golden-2";
    private static final BigInteger VALUE_1 = BigInteger.valueOf(12_345_678_900L);
    private static final BigInteger VALUE_2 = BigInteger.valueOf(100_000_000L);

    @Test
    void knownAnswerProofsReproduceTheGoldenFiles() throws IOException {
        // Given
        Map<String, String> expected = generate();
        if (Boolean.getBoolean("receipts.golden.write")) {
            Files.createDirectories(DIRECTORY);
            for (Map.Entry<String, String> file : expected.entrySet()) {
                Files.writeString(DIRECTORY.resolve(file.getKey()), file.getValue() + "\n");
            }
        }
        // When / Then
        for (Map.Entry<String, String> file : expected.entrySet()) {
            assertThat(read(file.getKey())).as(file.getKey()).isEqualTo(file.getValue());
        }
    }

    @Test
    void goldenProofsVerify() throws IOException {
        // Given
        Commitment c1 = Commitment.parse(HEX.parseHex(read("commitment-1.hex")));
        Commitment c2 = Commitment.parse(HEX.parseHex(read("commitment-2.hex")));
        Opening o1 = Opening.of(VALUE_1, HEX.parseHex(read("blinding-1.hex")));
        SumStatement statement = new SumStatement(
                "miner-1",
                List.of(new SumStatement.Entry(TXN_1, c1), new SumStatement.Entry(TXN_2, c2)),
                VALUE_1.add(VALUE_2));
        // When / Then
        assertThat(c1.opensTo(o1)).isTrue();
        assertThat(OpeningProof.parse(HEX.parseHex(read("opening-proof-1.hex"))).verify(TXN_1, c1))
                .isTrue();
        assertThat(RangeProof.parse(HEX.parseHex(read("range-proof-1.hex"))).verify(TXN_1, c1))
                .isTrue();
        assertThat(SumProof.parse(HEX.parseHex(read("sum-proof.hex"))).verify(statement))
                .isTrue();
    }

    private static Map<String, String> generate() {
        KnownAnswerRandom random = new KnownAnswerRandom("ctx receipts golden v1");
        Opening o1 = Opening.random(VALUE_1, random);
        Opening o2 = Opening.random(VALUE_2, random);
        Commitment c1 = o1.commit();
        Commitment c2 = o2.commit();
        OpeningProof opening = OpeningProof.prove(TXN_1, c1, o1, random);
        RangeProof range = RangeProof.prove(TXN_1, c1, o1, random);
        SumStatement statement = new SumStatement(
                "miner-1",
                List.of(new SumStatement.Entry(TXN_1, c1), new SumStatement.Entry(TXN_2, c2)),
                VALUE_1.add(VALUE_2));
        SumProof sum = SumProof.prove(statement, List.of(o1, o2), random);
        byte[] transcript = Transcript.start("opening")
                .appendText("txn", TXN_1)
                .appendPoint("C", c1.point())
                .append("A", Arrays.copyOfRange(opening.toBytes(), 1, 34))
                .toBytes();
        Map<String, String> files = new TreeMap<>();
        files.put("blinding-1.hex", HEX.formatHex(o1.blindingBytes()));
        files.put("blinding-2.hex", HEX.formatHex(o2.blindingBytes()));
        files.put("commitment-1.hex", HEX.formatHex(c1.toBytes()));
        files.put("commitment-2.hex", HEX.formatHex(c2.toBytes()));
        files.put("opening-proof-1.hex", HEX.formatHex(opening.toBytes()));
        files.put("opening-transcript-1.hex", HEX.formatHex(transcript));
        files.put("range-proof-1.hex", HEX.formatHex(range.toBytes()));
        files.put("sum-proof.hex", HEX.formatHex(sum.toBytes()));
        files.put("generator-h.hex", HEX.formatHex(ReceiptGroup.encode(ReceiptGroup.h())));
        return files;
    }

    private static String read(String name) throws IOException {
        return Files.readString(DIRECTORY.resolve(name), StandardCharsets.US_ASCII)
                .strip();
    }
}
