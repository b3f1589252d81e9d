package org.lede.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lede.common.ValidationException;
import org.lede.content.Credit;
import org.lede.content.Labels;

/** How {@link PasteStructurer} recognises the parts of a pasted news page, one line or paragraph at a time. */
final class PasteLines {
    record Hero(String caption, Credit credit) {}

    record Item(boolean ordered, String text) {}

    record Labelled(String label, String rest) {}

    private static final Pattern BULLET = Pattern.compile("(?:[•·]\\s*|[-–*]\\s+)(\\S.*)");
    private static final Pattern NUMBERED = Pattern.compile("\\d{1,3}[.)]\\s+(\\S.*)");
    private static final Pattern CREDIT = Pattern.compile("(?<=^|\\s)(?:Photo|Illustration|Video|Graphic):\\s");
    private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}[\\p{L}\\p{M}’'-]*\\.?");
    private static final Pattern SENTENCE_END = Pattern.compile("(\\S+)[.!?][\"”’)]*\\s+[\\p{Lu}“\"]");
    private static final int MAX_LABEL_WORDS = 5;
    private static final int MAX_CREDIT_WORDS = 12;
    private static final int MAX_BIO_WORDS = 40;
    private static final Set<String> NOT_NAMES = Set.of(
            "The", "A", "An", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "You", "In", "On",
            "At", "But", "And");
    /** Verbs that make a name-led sentence reporting rather than a bio. */
    private static final Set<String> SPEECH_VERBS = Set.of(
            "said",
            "says",
            "told",
            "tells",
            "added",
            "adds",
            "noted",
            "argued",
            "asked",
            "warned",
            "explained",
            "insisted",
            "replied");

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "st", "jr", "sr", "inc", "co", "corp", "ltd", "gen", "gov", "sen", "rep", "prof",
            "mt", "ft", "no", "vs");

    private PasteLines() {}

    /** Splits into lines, with non-breaking and repeated spaces made single spaces and each line trimmed. */
    static List<String> clean(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            lines.add(line.replaceAll("[\\u00A0\\u2007\\u202F\\t]", " ")
                    .replaceAll("[\\u200B\\uFEFF]", "")
                    .replaceAll(" {2,}", " ")
                    .strip());
        }
        return lines;
    }

    static int skipBlank(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isEmpty()) {
            i++;
        }
        return i;
    }

    /** A caption line that ends with a credit, or null: the credit must be short and say who. */
    static Hero hero(String line) {
        Matcher credit = CREDIT.matcher(line);
        int start = -1;
        while (credit.find()) {
            start = credit.start();
        }
        if (start < 0) {
            return null;
        }
        String by = line.substring(line.indexOf(':', start) + 1).strip();
        // A credit names people and agencies; a sentence after "Photo:" is text, not a credit.
        if (by.isEmpty() || by.split(" ").length > MAX_CREDIT_WORDS || ".!?".indexOf(by.charAt(by.length() - 1)) >= 0) {
            return null;
        }
        try {
            String caption = line.substring(0, start).strip();
            return new Hero(caption.isEmpty() ? null : caption, Credit.parse(line.substring(start)));
        } catch (ValidationException e) {
            return null;
        }
    }

    static Item item(String line) {
        Matcher bullet = BULLET.matcher(line);
        if (bullet.matches()) {
            return new Item(false, bullet.group(1));
        }
        Matcher numbered = NUMBERED.matcher(line);
        return numbered.matches() ? new Item(true, numbered.group(1)) : null;
    }

    /**
     * Splits off a label ("The big picture: ..."): a common lead-in label, or up to five words
     * starting with a capital letter, followed by ": " and more text.
     */
    static Labelled labelled(String text) {
        int colon = text.indexOf(": ");
        if (colon <= 0) {
            return null;
        }
        String label = text.substring(0, colon).strip();
        String rest = text.substring(colon + 2).strip();
        if (rest.isEmpty()) {
            return null;
        }
        String straight = label.replace('’', '\'');
        boolean common = Labels.COMMON.stream().anyMatch(straight::equalsIgnoreCase);
        return common || isGenericLabel(label, rest) ? new Labelled(label, rest) : null;
    }

    private static boolean isGenericLabel(String label, String rest) {
        return Character.isUpperCase(label.codePointAt(0))
                && label.split(" ").length <= MAX_LABEL_WORDS
                && label.length() <= 60
                && label.chars().noneMatch(c -> ".!?:*\"“”".indexOf(c) >= 0)
                // A colon before a quotation introduces speech ("The mayor said: “...”"), not a label.
                && "“\"‘'".indexOf(rest.charAt(0)) < 0;
    }

    /**
     * Whether a paragraph reads as a contributor bio: one sentence of at most 40 words that opens
     * with a name of two to four capitalised words and goes on with a verb that is not "said".
     */
    static boolean isBio(String text) {
        String[] words = text.split(" ");
        if (words.length > MAX_BIO_WORDS
                || !text.endsWith(".")
                || text.contains(": ")
                || text.chars().anyMatch(c -> "“”\"".indexOf(c) >= 0)
                || sentences(text) > 1) {
            return false;
        }
        int name = 0;
        while (name < words.length
                && name <= 4
                && NAME_WORD.matcher(words[name]).matches()) {
            name++;
        }
        if (name < 2 || name > 4 || name == words.length || NOT_NAMES.contains(words[0])) {
            return false;
        }
        String verb = words[name];
        return Character.isLowerCase(verb.codePointAt(0)) && !SPEECH_VERBS.contains(verb);
    }

    private static int sentences(String text) {
        int count = 1;
        Matcher end = SENTENCE_END.matcher(text);
        while (end.find()) {
            String word = end.group(1).toLowerCase(Locale.ROOT);
            // "U.S.", "J." and "Dr." end with a period without ending the sentence.
            boolean abbreviation = word.contains(".") || word.length() == 1 || ABBREVIATIONS.contains(word);
            if (!abbreviation) {
                count++;
            }
        }
        return count;
    }
}
