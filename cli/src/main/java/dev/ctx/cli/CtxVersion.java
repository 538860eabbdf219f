package dev.ctx.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest, or "development" when run from classes. */
public final class CtxVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Ctx.class.getPackage().getImplementationVersion();
        return new String[] {"ctx " + (version == null ? "development" : version)};
    }
}
