package dev.ctx.cli.audit;

/**
 * Makes event strings safe to print on a terminal: control characters (which could move the cursor or recolour the
 * screen through ANSI escapes) and bidirectional overrides (which reorder what is shown) become {@code U+FFFD}.
 */
final class TerminalText {

    private static final char REPLACEMENT = '\uFFFD';

    private TerminalText() {}

    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(unsafe(c) ? REPLACEMENT : c);
        }
        return out.toString();
    }

    private static boolean unsafe(char c) {
        return c < 0x20
                || (c >= 0x7f && c <= 0x9f)
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
