package dev.ctx.cli.common;

import java.nio.file.Path;

/** Where local runs keep their data: {@code $CTX_HOME/.ctx} (the checkout) unless a command says otherwise. */
public final class StateDirectory {

    private StateDirectory() {}

    /** The default directory for a component's local data, e.g. {@code .ctx/kafka}. */
    public static Path forComponent(String component) {
        String home = System.getProperty("ctx.home", ".");
        return Path.of(home, ".ctx", component).toAbsolutePath().normalize();
    }
}
