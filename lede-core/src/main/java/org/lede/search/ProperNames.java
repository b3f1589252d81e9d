package org.lede.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * People and places a text names, found the way a reader spots them: runs of capitalized words
 * ("Hassan Rouhani", "New York"). A capitalized word opening a sentence is only a name when the
 * text also capitalizes it elsewhere, since every sentence starts with a capital. No dictionary
 * and no model: Go deeper only needs names that two stories share, and a false name shared by
 * chance ("Monday") costs little because it is common to many stories and weighs little.
 */
public final class ProperNames {
    /** Lower-case words that may join a name's parts: "Bank of England", "Charles de Gaulle". */
    private static final Set<String> JOINERS = Set.of("of", "de", "la", "del", "van", "von", "bin", "al");

    /** The longest of {@link #JOINERS}: a longer word is no joiner, without looking it up. */
    private static final int JOINER_LENGTH = 3;

    /** Words that open sentences in capitals without naming anyone: "The White House" names the White House. */
    private static final Set<String> OPENERS = Set.of(
            "the", "a", "an", "in", "on", "at", "but", "and", "or", "so", "for", "after", "before", "when", "while",
            "if", "as", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "there", "here",
            "what", "why", "how", "who", "some", "many", "most", "by", "from", "with", "to", "since", "until", "yet",
            "still", "also", "then", "now", "more", "one", "all", "no", "not", "last", "next");

    /** Calendar words are capitalized but name no one and nowhere. */
    private static final Set<String> CALENDAR = Set.of(
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december");

    private ProperNames() {}

    /** The distinct names in order of first appearance, each with its words separated by one space. */
    public static List<String> in(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Word> words = words(text);
        Set<String> midSentence = new LinkedHashSet<>();
        for (Word w : words) {
            if (!w.sentenceStart() && w.capitalized()) {
                midSentence.add(w.text());
            }
        }
        Set<String> names = new LinkedHashSet<>();
        List<String> run = new ArrayList<>();
        boolean runAtStart = false;
        for (int i = 0; i <= words.size(); i++) {
            Word w = i < words.size() ? words.get(i) : null;
            boolean continues = w != null && !run.isEmpty() && !w.sentenceStart() && !w.afterBreak();
            if (w != null && w.capitalized() && (run.isEmpty() || continues)) {
                if (run.isEmpty()) {
                    runAtStart = w.sentenceStart();
                }
                run.add(w.text());
                continue;
            }
            if (w != null && continues && JOINERS.contains(w.text()) && nextCapitalized(words, i)) {
                run.add(w.text());
                continue;
            }
            addRun(run, runAtStart, midSentence, names);
            run.clear();
            if (w != null && w.capitalized()) {
                runAtStart = w.sentenceStart();
                run.add(w.text());
            }
        }
        return List.copyOf(names);
    }

    /** Whether the words after joiner {@code i}, past any joiners of its own ("de la"), go on with a capital. */
    private static boolean nextCapitalized(List<Word> words, int i) {
        int next = i + 1;
        while (next < words.size()
                && !words.get(next).afterBreak()
                && JOINERS.contains(words.get(next).text())) {
            next++;
        }
        return next < words.size()
                && words.get(next).capitalized()
                && !words.get(next).afterBreak();
    }

    private static void addRun(List<String> run, boolean atStart, Set<String> midSentence, Set<String> names) {
        // Every word not in a name ends an empty run: copying it was a twentieth of finding names.
        if (run.isEmpty()) {
            return;
        }
        List<String> kept = new ArrayList<>(run);
        if (atStart) {
            String first = kept.getFirst();
            boolean opener = OPENERS.contains(first.toLowerCase(Locale.ROOT));
            if (opener || kept.size() == 1 && !midSentence.contains(first)) {
                kept.removeFirst();
            }
        }
        while (!kept.isEmpty() && JOINERS.contains(kept.getFirst())) {
            kept.removeFirst();
        }
        while (!kept.isEmpty() && JOINERS.contains(kept.getLast())) {
            kept.removeLast();
        }
        boolean calendar = kept.size() == 1 && CALENDAR.contains(kept.getFirst().toLowerCase(Locale.ROOT));
        if (!kept.isEmpty() && !calendar) {
            names.add(String.join(" ", kept));
        }
    }

    /** A word and where it stands; whether it is capitalized is worked out once, as every pass asks. */
    private record Word(String text, boolean sentenceStart, boolean afterBreak, boolean capitalized) {
        /**
         * Any word that neither starts with a capital nor joins a name's parts. Such a word only
         * ends a name, whatever it says and wherever it stands, so it is not copied out: most of
         * a text's words are such.
         */
        static final Word OTHER = new Word("", false, false, false);

        /**
         * Whether a word that starts with a capital counts as capitalized: not when it is all
         * capitals ("I", "A", shouted "DON'T"), unless it is an acronym of two letters or digits or
         * more ("EU", "G7", "NATO"). So no single letter is ever part of a name.
         */
        static boolean capitalized(String text) {
            // A small ASCII letter after the capital settles it without upper-casing the word.
            if (text.length() > 1 && text.charAt(1) >= 'a' && text.charAt(1) <= 'z') {
                return true;
            }
            return !text.equals(text.toUpperCase(Locale.ROOT)) || text.length() > 1 && isAcronym(text);
        }

        private static boolean isAcronym(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!Character.isUpperCase(c) && !Character.isDigit(c)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Splits into words (letters, digits, apostrophes and inner hyphens), marking which open a
     * sentence (the first, or after . ! ? : or a line break) and which follow punctuation that
     * ends a name (a comma, a bracket, a dash), so "Paris, France" is two names.
     */
    private static List<Word> words(String text) {
        List<Word> out = new ArrayList<>();
        boolean sentenceStart = true;
        boolean afterBreak = false;
        int i = 0;
        while (i < text.length()) {
            int c = codePointAt(text, i);
            if (Letters.letterOrDigit(c)) {
                int start = i;
                while (i < text.length()) {
                    int d = codePointAt(text, i);
                    boolean inner = (d == '\'' || d == '’' || d == '-')
                            && i + 1 < text.length()
                            && Letters.letter(codePointAt(text, i + 1));
                    if (!Letters.letterOrDigit(d) && !inner) {
                        break;
                    }
                    i += Character.charCount(d);
                }
                if (Character.isUpperCase(c)) {
                    String word = text.substring(start, i);
                    out.add(new Word(word, sentenceStart, afterBreak, Word.capitalized(word)));
                } else if (i - start <= JOINER_LENGTH && JOINERS.contains(text.substring(start, i))) {
                    out.add(new Word(text.substring(start, i), sentenceStart, afterBreak, false));
                } else {
                    out.add(Word.OTHER);
                }
                sentenceStart = false;
                afterBreak = false;
                continue;
            }
            if (c == '.' || c == '!' || c == '?' || c == ':' || c == '\n' || c == '"' || c == '“') {
                sentenceStart = true;
            } else if (!Character.isWhitespace(c)) {
                afterBreak = true;
            }
            i += Character.charCount(c);
        }
        return out;
    }

    /** The code point at {@code i}, without String.codePointAt's checks for a character that is not a surrogate. */
    private static int codePointAt(String text, int i) {
        char c = text.charAt(i);
        return Character.isSurrogate(c) ? text.codePointAt(i) : c;
    }
}
