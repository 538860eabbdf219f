package dev.ctx.cli.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.ctx.testkit.tools.ExternalTool;

/**
 * Debian's {@code /usr/bin/chromium} run headless on a local file, offline and without a profile (a fresh
 * {@code --user-data-dir} per run). Without it the calling test is skipped, unless {@code CTX_REQUIRE_CHROMIUM=1}
 * makes that a failure. {@code CTX_CHROMIUM_BINARY} (or {@code -Dctx.chromium.binary}) names another binary.
 */
final class HeadlessChromium {

    private static final String BINARY =
            ExternalTool.setting("CTX_CHROMIUM_BINARY", "ctx.chromium.binary", "/usr/bin/chromium");

    private static final List<String> FLAGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--enable-logging=stderr",
            "--v=0");

    /** What one run printed: the page's DOM (for {@code --dump-dom}) and Chromium's log with the console lines. */
    record Run(String stdout, String log) {

        /** The page's console messages that are errors: uncaught exceptions and refused (CSP-blocked) content. */
        List<String> consoleErrors() {
            return log.lines()
                    .filter(line -> line.contains("CONSOLE") || line.contains("Uncaught"))
                    .filter(line -> line.contains("Uncaught")
                            || line.contains("Error")
                            || line.contains("Refused")
                            || line.contains("Content Security Policy"))
                    .toList();
        }
    }

    private HeadlessChromium() {}

    /** The binary; skips (or, when required, fails) the test unless it runs. */
    static String require() {
        ExternalTool.requireOrSkip(
                "CTX_REQUIRE_CHROMIUM",
                Files.isExecutable(Path.of(BINARY)) && ExternalTool.runs(BINARY, "--version"),
                BINARY + " --version does not run",
                "apt-get install -y chromium; CTX_CHROMIUM_BINARY names the binary");
        return BINARY;
    }

    /** {@code --dump-dom}: the DOM after the page's scripts ran. */
    static Run dumpDom(String binary, Path page, Path work) throws IOException, InterruptedException {
        return run(binary, work, List.of("--dump-dom", page.toUri().toString()));
    }

    /** {@code --screenshot} of the page at {@code width} x {@code height} into {@code png}. */
    static Run screenshot(String binary, Path page, Path png, int width, int height, Path work)
            throws IOException, InterruptedException {
        return run(
                binary,
                work,
                List.of(
                        "--hide-scrollbars",
                        "--window-size=" + width + "," + height,
                        "--screenshot=" + png.toAbsolutePath(),
                        page.toUri().toString()));
    }

    private static Run run(String binary, Path work, List<String> arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        Path stdout = work.resolve("chromium-" + System.nanoTime() + ".out");
        Path stderr = work.resolve("chromium-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>();
        command.add(binary);
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile.toAbsolutePath());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("chromium did not finish within 90 s: " + String.join(" ", command));
        }
        Run run = new Run(
                Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
        if (process.exitValue() != 0) {
            throw new IOException("chromium exited " + process.exitValue() + ": " + run.log());
        }
        return run;
    }
}
