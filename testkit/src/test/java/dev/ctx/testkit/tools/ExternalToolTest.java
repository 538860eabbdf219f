package dev.ctx.testkit.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class ExternalToolTest {

    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    @Test
    void aSystemPropertyNamesTheToolAndABlankOneFallsBack() {
        // Given
        String property = "ctx.test.external-tool." + System.nanoTime();
        // When / Then
        assertThat(ExternalTool.setting("CTX_TEST_UNSET_VARIABLE", property, "fallback"))
                .isEqualTo("fallback");
        System.setProperty(property, "/opt/tool");
        assertThat(ExternalTool.setting("CTX_TEST_UNSET_VARIABLE", property, "fallback"))
                .isEqualTo("/opt/tool");
        System.setProperty(property, " ");
        assertThat(ExternalTool.setting("CTX_TEST_UNSET_VARIABLE", property, "fallback"))
                .isEqualTo("fallback");
        System.clearProperty(property);
    }

    @Test
    void aToolRunsOnlyIfItStartsAndExitsZero() {
        assertThat(ExternalTool.runs(JAVA, "-version")).isTrue();
        assertThat(ExternalTool.runs(JAVA, "--no-such-option")).isFalse();
        assertThat(ExternalTool.runs("/nonexistent/tool", "--version")).isFalse();
    }

    @Test
    void aMissingToolSkipsTheTestUnlessItIsRequired() {
        // Given: a CTX_REQUIRE_ variable that no environment sets
        String requireVariable = "CTX_REQUIRE_NOTHING_" + System.nanoTime();
        // When / Then
        assertThatCode(() -> ExternalTool.requireOrSkip(requireVariable, true, "tool missing", "hint"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ExternalTool.requireOrSkip(requireVariable, false, "tool missing", "hint"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("tool missing")
                .hasMessageContaining(requireVariable + "=1");
    }

    @Test
    void outputOfReturnsTheNonBlankStdoutLinesAndFailsWithStderr() throws Exception {
        // When
        List<String> lines =
                ExternalTool.outputOf(Path.of("."), 30, List.of(JAVA, "-XshowSettings:properties", "-version"));
        // Then: java prints its settings on stderr, so stdout is empty and the exit is 0
        assertThat(lines).isEmpty();
        assertThatThrownBy(() -> ExternalTool.outputOf(Path.of("."), 30, List.of(JAVA, "--no-such-option")))
                .hasMessageContaining("failed: ");
    }
}
