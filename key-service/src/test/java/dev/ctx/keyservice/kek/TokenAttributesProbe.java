package dev.ctx.keyservice.kek;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link TokenAttributesTest}: prints the reason the attribute check gives for args[0], args[1].
 */
public final class TokenAttributesProbe {

    private TokenAttributesProbe() {}

    public static void main(String[] args) {
        try {
            System.out.println("found " + TokenAttributes.secretKeysLabelled(Path.of(args[0]), args[1]));
        } catch (ExtractableKekException e) {
            System.out.println(e.reason() + " " + e.getMessage());
        }
    }
}
