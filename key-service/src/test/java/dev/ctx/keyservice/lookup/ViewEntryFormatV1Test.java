package dev.ctx.keyservice.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Layout v1 of the view store's value, pinned by {@code golden/view-entry-v1-*.hex}. */
class ViewEntryFormatV1Test {

    private static final byte[] RECORD = HexFormat.of().parseHex("0001020304c1c1c1c1");
    private static final byte[] ENVELOPE = HexFormat.of().parseHex("0001020305e2e2e2");

    static Stream<Arguments> goldenEntries() {
        return Stream.of(
                Arguments.of("found", ViewEntry.empty().withRecord(RECORD).withEnvelope(2, ENVELOPE)),
                Arguments.of("shredded", ViewEntry.shreddedMarker()),
                Arguments.of("record-only", ViewEntry.empty().withRecord(RECORD)));
    }

    static byte[] golden(String name) throws IOException {
        String resource = "/golden/view-entry-v1-" + name + ".hex";
        try (InputStream in = ViewEntryFormatV1Test.class.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return HexFormat.of().parseHex(text.replaceAll("#.*", "").replaceAll("\\s", ""));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenEntries")
    void encodedFormMatchesTheGoldenFile(String name, ViewEntry entry) throws IOException {
        // When
        byte[] bytes = ViewEntryFormatV1.encode(entry);
        // Then
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(HexFormat.of().formatHex(golden(name)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenEntries")
    void goldenFileDecodesToTheEntry(String name, ViewEntry entry) throws IOException {
        // When
        ViewEntry decoded = ViewEntryFormatV1.decode(golden(name));
        // Then
        assertThat(decoded).isEqualTo(entry);
    }

    @Test
    void decodeRefusesAnUnknownVersion() throws IOException {
        // Given
        byte[] bytes = golden("found");
        bytes[0] = 0x02;
        // When / Then
        assertThatThrownBy(() -> ViewEntryFormatV1.decode(bytes))
                .isInstanceOf(ViewEntryFormatException.class)
                .hasMessageContaining("version");
    }

    @ParameterizedTest(name = "flags {0}")
    @ValueSource(ints = {0x08, 0x80, 0x03, 0x05})
    void decodeRefusesUnknownOrInconsistentFlags(int flags) throws IOException {
        // Given
        byte[] bytes = golden("shredded");
        bytes[1] = (byte) flags;
        // When / Then
        assertThatThrownBy(() -> ViewEntryFormatV1.decode(bytes)).isInstanceOf(ViewEntryFormatException.class);
    }

    @Test
    void decodeRefusesAnEnvelopeWithoutGeneration() throws IOException {
        // Given
        byte[] bytes = golden("found");
        bytes[5] = 0;
        // When / Then
        assertThatThrownBy(() -> ViewEntryFormatV1.decode(bytes))
                .isInstanceOf(ViewEntryFormatException.class)
                .hasMessageContaining("generation");
    }

    @Test
    void decodeRefusesAGenerationWithoutEnvelope() throws IOException {
        // Given
        byte[] bytes = golden("record-only");
        bytes[5] = 1;
        // When / Then
        assertThatThrownBy(() -> ViewEntryFormatV1.decode(bytes)).isInstanceOf(ViewEntryFormatException.class);
    }

    @Test
    void decodeRefusesTrailingBytes() throws IOException {
        // Given
        byte[] bytes = Arrays.copyOf(golden("found"), golden("found").length + 1);
        // When / Then
        assertThatThrownBy(() -> ViewEntryFormatV1.decode(bytes)).isInstanceOf(ViewEntryFormatException.class);
    }

    @Test
    void decodeRefusesAnEmptyPart() {
        // Given: flag 0x02 and a record of length 0
        byte[] bytes = HexFormat.of().parseHex("01020000000000000000");
        // When / Then
        assertThatThrownBy(() -> ViewEntryFormatV1.decode(bytes)).isInstanceOf(ViewEntryFormatException.class);
    }

    @ParameterizedTest(name = "first {0} bytes")
    @ValueSource(ints = {0, 1, 5, 9, 12, 19, 24})
    void decodeRefusesTruncatedValues(int length) throws IOException {
        // Given
        byte[] bytes = Arrays.copyOf(golden("found"), length);
        // When / Then
        assertThatThrownBy(() -> ViewEntryFormatV1.decode(bytes)).isInstanceOf(ViewEntryFormatException.class);
    }

    @Test
    void toStringNamesSizesNotContent() {
        // Given
        ViewEntry entry = ViewEntry.empty().withRecord(RECORD).withEnvelope(2, ENVELOPE);
        // When / Then
        assertThat(entry.toString()).contains("9 bytes", "generation=2").doesNotContain("c1", "e2");
    }
}
