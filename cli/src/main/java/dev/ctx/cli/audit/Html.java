package dev.ctx.cli.audit;

/**
 * Escapes text for HTML and SVG (element content and quoted attribute values alike): {@code & < > " '} become
 * character references and control characters (other than tab and newline) become {@code U+FFFD}, so no string from
 * an event can open a tag, end an attribute or smuggle markup.
 */
final class Html {

    private Html() {}

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** {@code text} cut to {@code max} characters with an ellipsis (then escaped by the caller). */
    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
