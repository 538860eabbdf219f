package dev.ctx.client.keyfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** {@code docs/participant-key-file.md} quotes the golden file verbatim, so the page cannot drift from the code. */
class ParticipantKeyFileDocTest {

    @Test
    void docPageQuotesTheGoldenFileAndDocumentsEveryMember() throws IOException {
        // Given
        String page = Files.readString(Path.of("..", "docs", "participant-key-file.md"));
        String golden = Files.readString(
                Path.of("src", "test", "resources", "golden", "participant-key-file-v1.json"), StandardCharsets.UTF_8);

        // Then
        assertThat(page).contains("```json\n" + golden + "```").contains(ParticipantKeyFile.FORMAT);
        for (String member :
                new String[] {"format", "participantId", "keyVersion", "createdAt", "publicKey", "privateKey"}) {
            assertThat(page).contains("| `" + member + "` |");
        }
    }
}
