package dev.ctx.cli.keys;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every {@code ctx keys} subcommand has: the key-service options and its own output. */
abstract class KeyServiceCall implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KeyServiceOptions service;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
