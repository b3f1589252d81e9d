package org.lede.story;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.lede.common.ValidationException;
import org.lede.content.Block;
import org.lede.content.ImageBlock;
import org.lede.content.Labels;
import org.lede.content.LeadIn;
import org.lede.content.Paragraph;

/**
 * The smart-brevity checks the editor shows as a writer types. Errors are exactly what blocks
 * publishing ({@link PublishRules#problems}); warnings are advice and never block.
 */
public final class BrevityChecks {
    public static final int WORDS_PER_MINUTE = 230;
    public static final int LONG_PARAGRAPH = 60;
    public static final int HEADLINE_LONG = 90;
    public static final int HEADLINE_SHORT = 20;
    /** How far into the body the "Why it matters" or "The big picture" may come. */
    public static final int WHY_WITHIN = 3;

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][”\"’)]*\\s+(?=[A-Z“\"‘(0-9])");
    private final PublishRules rules;

    public BrevityChecks(PublishRules rules) {
        this.rules = rules;
    }

    public enum Level {
        ERROR,
        WARNING,
        OK
    }

    public record Finding(Level level, String message) {}

    public record Report(int words, int readingMinutes, List<Finding> checks) {
        public boolean blocksPublishing() {
            return checks.stream().anyMatch(c -> c.level() == Level.ERROR);
        }
    }

    public Report check(StoryDraft draft) {
        List<Finding> checks = new ArrayList<>();
        for (ValidationException problem : rules.problems(draft)) {
            checks.add(new Finding(Level.ERROR, problem.getMessage()));
        }
        int words = 0;
        for (Block block : draft.body()) {
            words += countWords(block.plainText());
        }
        int headline = draft.headline().codePointCount(0, draft.headline().length());
        if (headline > HEADLINE_LONG) {
            checks.add(new Finding(
                    Level.WARNING,
                    "The headline has " + headline + " characters; under " + HEADLINE_LONG + " reads at a glance."));
        } else if (headline < HEADLINE_SHORT) {
            checks.add(new Finding(Level.WARNING, "The headline is very short; say what happened."));
        } else {
            checks.add(new Finding(Level.OK, "The headline length is good."));
        }
        ledeCheck(draft.body(), checks);
        whyItMattersCheck(draft.body(), checks);
        int paragraph = 0;
        for (Block block : draft.body()) {
            if (block instanceof Paragraph || block instanceof LeadIn) {
                paragraph++;
                int n = countWords(block.plainText());
                if (n > LONG_PARAGRAPH) {
                    checks.add(new Finding(
                            Level.WARNING,
                            "Paragraph " + paragraph + " runs " + n + " words; keep them under " + LONG_PARAGRAPH
                                    + " or make a list."));
                }
            }
        }
        if (draft.dek() == null) {
            checks.add(new Finding(Level.WARNING, "Add a dek: one sentence for cards and social posts."));
        }
        return new Report(words, Math.max(1, (int) Math.round(words / (double) WORDS_PER_MINUTE)), checks);
    }

    private static void ledeCheck(List<Block> body, List<Finding> checks) {
        Block first = body.stream()
                .filter(b -> !(b instanceof ImageBlock))
                .findFirst()
                .orElse(null);
        if (!(first instanceof Paragraph lede)) {
            checks.add(new Finding(
                    Level.WARNING, "Open with a one-sentence lede: a plain paragraph that says what happened."));
            return;
        }
        int sentences = SENTENCE_END.split(lede.plainText().strip()).length;
        if (sentences > 1) {
            checks.add(new Finding(Level.WARNING, "The lede has " + sentences + " sentences; make it one."));
        } else {
            checks.add(new Finding(Level.OK, "The lede is one sentence."));
        }
    }

    private static void whyItMattersCheck(List<Block> body, List<Finding> checks) {
        List<Block> opening = body.stream()
                .filter(b -> !(b instanceof ImageBlock))
                .limit(WHY_WITHIN + 1)
                .toList();
        boolean found = opening.stream()
                .anyMatch(b -> b instanceof LeadIn l
                        && (l.label().equalsIgnoreCase(Labels.WHY_IT_MATTERS)
                                || l.label().equalsIgnoreCase(Labels.BIG_PICTURE)));
        if (found) {
            checks.add(new Finding(Level.OK, "“Why it matters” comes early."));
        } else {
            checks.add(new Finding(
                    Level.WARNING, "Add a “Why it matters:” or “The big picture:” paragraph right after the lede."));
        }
    }

    static int countWords(String text) {
        int words = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !in) {
                words++;
            }
            in = letter || (in && (text.charAt(i) == '\'' || text.charAt(i) == '’' || text.charAt(i) == '-'));
        }
        return words;
    }
}
