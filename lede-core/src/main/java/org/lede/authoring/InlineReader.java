package org.lede.authoring;

import java.util.ArrayList;
import java.util.List;
import org.lede.common.ValidationException;
import org.lede.content.Links;
import org.lede.content.Span;

/**
 * Reads inline text. A run of one, two or three asterisks switches italic, bold or both; two
 * underscores switch bold. A run opens only before a non-space and closes only after one, and a
 * run that finds no partner stays literal text, so "5 * 3" and an unclosed "**" read as typed.
 * Styles switch rather than nest, which lets {@code **a***b*} mean bold "a" then italic "b".
 * A link's text is read on its own and takes on the style around the link as well.
 */
final class InlineReader {
    private static final int ITALIC = 1;
    private static final int BOLD = 2;

    private sealed interface Token permits Text, Run, Link {}

    private record Text(String text) implements Token {}

    private record Run(char mark, int length, boolean canOpen, boolean canClose) implements Token {
        int bits() {
            if (mark == '_') {
                return length == 2 ? BOLD : 0;
            }
            return length <= 3 ? length : 0;
        }

        String literal() {
            return String.valueOf(mark).repeat(length);
        }
    }

    private record Link(List<Span> spans, String href) implements Token {}

    private InlineReader() {}

    static List<Span> read(String raw) {
        List<Token> tokens = tokenize(raw);
        boolean[] literal = pair(tokens);
        List<Span> spans = new ArrayList<>();
        boolean bold = false;
        boolean italic = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token instanceof Run run && !literal[i]) {
                bold ^= (run.bits() & BOLD) != 0;
                italic ^= (run.bits() & ITALIC) != 0;
                continue;
            }
            switch (token) {
                case Text t -> spans.add(new Span(t.text(), bold, italic, null));
                case Run r -> spans.add(new Span(r.literal(), bold, italic, null));
                case Link l -> {
                    for (Span s : l.spans()) {
                        spans.add(new Span(s.text(), s.bold() || bold, s.italic() || italic, l.href()));
                    }
                }
            }
        }
        return spans;
    }

    private static List<Token> tokenize(String raw) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            int closeParen = c == '[' ? linkEnd(raw, i) : -1;
            if (Escapes.isEscape(raw, i)) {
                text.append(raw.charAt(i + 1));
                i += 2;
            } else if (c == '*' || c == '_') {
                int end = i;
                while (end < raw.length() && raw.charAt(end) == c) {
                    end++;
                }
                boolean afterSpace = i == 0 || Character.isWhitespace(raw.charAt(i - 1));
                boolean beforeSpace = end == raw.length() || Character.isWhitespace(raw.charAt(end));
                // Underscores inside a word (snake__case) are not markup.
                boolean inWord = c == '_' && i > 0 && Character.isLetterOrDigit(raw.charAt(i - 1));
                flush(text, tokens);
                tokens.add(new Run(c, end - i, !beforeSpace && !inWord, !afterSpace));
                i = end;
            } else if (closeParen > 0) {
                int textEnd = Escapes.indexOfUnescaped(raw, ']', i + 1);
                flush(text, tokens);
                tokens.add(link(raw.substring(i + 1, textEnd), raw.substring(textEnd + 2, closeParen)));
                i = closeParen + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        flush(text, tokens);
        return tokens;
    }

    private static void flush(StringBuilder text, List<Token> tokens) {
        if (!text.isEmpty()) {
            tokens.add(new Text(text.toString()));
            text.setLength(0);
        }
    }

    /**
     * The index of the ")" that ends a link starting at {@code open}, or -1 when the bracket is
     * literal: its text may hold no unescaped "[", and "](" must follow it directly.
     */
    private static int linkEnd(String raw, int open) {
        int i = open + 1;
        while (i < raw.length()) {
            if (Escapes.isEscape(raw, i)) {
                i += 2;
                continue;
            }
            char c = raw.charAt(i);
            if (c == '[') {
                return -1;
            }
            if (c == ']') {
                break;
            }
            i++;
        }
        if (i + 1 >= raw.length() || raw.charAt(i + 1) != '(') {
            return -1;
        }
        return Escapes.indexOfUnescaped(raw, ')', i + 2);
    }

    private static Link link(String text, String rawHref) {
        String href = Links.check(Escapes.unescape(rawHref));
        List<Span> spans = read(text);
        if (spans.stream().allMatch(s -> s.text().isBlank())) {
            throw new ValidationException(
                    "href", "The link to \"" + href + "\" has no text; write [text](" + rawHref + ").");
        }
        return new Link(spans, href);
    }

    /**
     * Decides which runs are markup; the others are literal. A pass applies every run that can
     * switch its styles here; a run left open at the end is made literal and the pass repeated,
     * so the result never depends on a partner that was itself dropped.
     */
    private static boolean[] pair(List<Token> tokens) {
        boolean[] dropped = new boolean[tokens.size()];
        while (true) {
            boolean[] literal = dropped.clone();
            int boldOpener = -1;
            int italicOpener = -1;
            for (int i = 0; i < tokens.size(); i++) {
                if (!(tokens.get(i) instanceof Run run) || literal[i]) {
                    continue;
                }
                int bits = run.bits();
                boolean fits = bits != 0
                        && ((bits & BOLD) == 0 || fits(run, boldOpener < 0 ? null : (Run) tokens.get(boldOpener)))
                        && ((bits & ITALIC) == 0
                                || fits(run, italicOpener < 0 ? null : (Run) tokens.get(italicOpener)));
                if (!fits) {
                    literal[i] = true;
                    continue;
                }
                if ((bits & BOLD) != 0) {
                    boldOpener = boldOpener < 0 ? i : -1;
                }
                if ((bits & ITALIC) != 0) {
                    italicOpener = italicOpener < 0 ? i : -1;
                }
            }
            if (boldOpener < 0 && italicOpener < 0) {
                return literal;
            }
            dropped[Math.max(boldOpener, italicOpener)] = true;
        }
    }

    /** Whether {@code run} may switch a style that {@code opener} turned on, or turn it on when null. */
    private static boolean fits(Run run, Run opener) {
        return opener == null ? run.canOpen() : run.canClose() && opener.mark() == run.mark();
    }
}
