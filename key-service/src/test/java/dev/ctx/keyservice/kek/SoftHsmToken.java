package dev.ctx.keyservice.kek;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ctx.testkit.tools.ExternalTool;

/**
 * A real SoftHSM2 token for this test JVM, initialised once in the directory named by {@code SOFTHSM2_CONF} (set by the
 * surefire/failsafe configuration). Without SoftHSM2 the calling test is skipped, unless {@code CTX_REQUIRE_SOFTHSM=1}
 * (CI), in which case it fails.
 *
 * <p>The PKCS#11 library is {@value #DEFAULT_LIBRARY} unless the environment variable {@code CTX_SOFTHSM_LIBRARY} (or
 * the system property {@code ctx.softhsm.library}) names another path; pointing it at a missing file hides SoftHSM2.
 *
 * <p>Call {@link #shared()} before the code under test, never inside an assertion such as {@code assertThatThrownBy}:
 * the skip is a {@code TestAbortedException}, which an assertion on thrown exceptions would swallow.
 */
public final class SoftHsmToken {

    static final String DEFAULT_LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
    /** The SoftHSM2 PKCS#11 library the tests use (see the class comment). */
    public static final Path LIBRARY =
            Path.of(ExternalTool.setting("CTX_SOFTHSM_LIBRARY", "ctx.softhsm.library", DEFAULT_LIBRARY));

    private static final String PIN = "4711-test-pin";
    private static SoftHsmToken shared;

    private final Path pkcs11Config;
    private final Path extractableKeysConfig;

    private SoftHsmToken(Path pkcs11Config, Path extractableKeysConfig) {
        this.pkcs11Config = pkcs11Config;
        this.extractableKeysConfig = extractableKeysConfig;
    }

    /** The JVM's token, initialised on first call; skips or fails the test when SoftHSM2 is missing. */
    public static synchronized SoftHsmToken shared() {
        if (shared != null) {
            return shared;
        }
        String conf = System.getenv("SOFTHSM2_CONF");
        boolean utilRuns = ExternalTool.runs("softhsm2-util", "--version");
        ExternalTool.requireOrSkip(
                "CTX_REQUIRE_SOFTHSM",
                Files.isReadable(LIBRARY) && conf != null && utilRuns,
                "SoftHSM2 is unusable: library " + LIBRARY + " readable=" + Files.isReadable(LIBRARY)
                        + ", SOFTHSM2_CONF=" + conf + ", softhsm2-util runs=" + utilRuns,
                "apt-get install -y softhsm2 opensc; CTX_SOFTHSM_LIBRARY names the library; PKCS#11 case skipped");
        shared = initialise(Path.of(conf));
        return shared;
    }

    /** The config of the main token: AES keys generated sensitive and non-extractable. */
    public Path pkcs11Config() {
        return pkcs11Config;
    }

    /**
     * The config of a second token whose generated AES keys are sensitive ({@code getEncoded() == null}) but
     * extractable ({@code CKA_EXTRACTABLE = true}): what a master KEK must not be. Same PIN.
     */
    public Path extractableKeysConfig() {
        return extractableKeysConfig;
    }

    /** A fresh copy of the user PIN (callees zero it). */
    public char[] pin() {
        return PIN.toCharArray();
    }

    private static SoftHsmToken initialise(Path conf) {
        try {
            Path dir = conf.getParent();
            Path tokens = dir.resolve("tokens-" + UUID.randomUUID());
            Files.createDirectories(tokens);
            Files.writeString(
                    conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
            return new SoftHsmToken(token(conf, "ctx-test", false), token(conf, "ctx-test-extractable", true));
        } catch (IOException e) {
            throw new IllegalStateException("cannot initialise the SoftHSM2 token", e);
        }
    }

    /**
     * Initialises a token labelled {@code label}; its SunPKCS11 config generates AES keys sensitive, as told
     * extractable.
     */
    private static Path token(Path conf, String label, boolean extractable) throws IOException {
        String module = LIBRARY.toString();
        run(
                conf,
                "softhsm2-util",
                "--module",
                module,
                "--init-token",
                "--free",
                "--label",
                label,
                "--so-pin",
                "0000-so-pin",
                "--pin",
                PIN);
        String slot = slotOf(run(conf, "softhsm2-util", "--module", module, "--show-slots"), label);
        Path cfg = conf.getParent().resolve("pkcs11-" + UUID.randomUUID() + ".cfg");
        Files.writeString(
                cfg,
                "name = SoftHSM-" + label + "\nlibrary = " + LIBRARY + "\nslot = " + slot + "\n"
                        + "attributes(generate, CKO_SECRET_KEY, CKK_AES) "
                        + "= {\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = "
                        + extractable + "\n}\n");
        return cfg;
    }

    private static String slotOf(String showSlots, String label) {
        String slot = null;
        for (String line : showSlots.split("\n")) {
            Matcher m = Pattern.compile("^Slot (\\d+)$").matcher(line.trim());
            if (m.matches()) {
                slot = m.group(1);
            } else if (line.trim().matches("Label:\\s+" + label + "\\s*")) {
                return slot;
            }
        }
        throw new IllegalStateException("token " + label + " not found in softhsm2-util --show-slots");
    }

    private static String run(Path conf, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", conf.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException(command[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command[0] + " interrupted", e);
        }
        return output;
    }
}
