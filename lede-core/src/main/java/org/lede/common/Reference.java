package org.lede.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Something that uses a thing someone asked to delete, named the way the newsroom knows it
 * (a headline, a dashboard's title, an author's name), so a refusal says exactly what to change;
 * or, with no name, how many more of a kind use it ({@link #more}).
 *
 * @param count 1 for a named user; for an unnamed one, how many users it stands for
 */
public record Reference(Kind kind, String name, long count) {
    /** How many names of one kind a refusal spells out before it counts the rest. */
    public static final int NAMED = 10;

    public Reference(Kind kind, String name) {
        this(kind, name, 1);
    }

    /**
     * {@code count} users of a kind beyond those named: a topic or a byline of a big archive has a
     * hundred thousand stories, which a refusal counts rather than reads.
     */
    public static Reference more(Kind kind, long count) {
        return new Reference(kind, null, count);
    }

    public enum Kind {
        PUBLISHED_STORY("published story", "published stories"),
        OTHER_STORY("story not published", "stories not published"),
        DASHBOARD("dashboard", "dashboards"),
        AUTHOR("author", "authors");

        private final String one;
        private final String many;

        Kind(String one, String many) {
            this.one = one;
            this.many = many;
        }
    }

    /** A story's reference, by whether readers can see it now. */
    public static Reference story(String headline, boolean live) {
        return new Reference(live ? Kind.PUBLISHED_STORY : Kind.OTHER_STORY, headline);
    }

    /**
     * Refuses the deletion when anything uses the thing, naming every user by kind: "Cannot delete
     * this image: used by 3 published stories: “A”, “B”, “C”; 1 dashboard: “D”. Remove it from them
     * first."
     *
     * @throws ConflictException when {@code references} is not empty
     */
    public static void refuseWhileUsed(String what, List<Reference> references, String advice) {
        if (!references.isEmpty()) {
            throw new ConflictException("Cannot delete " + what + ": " + describe(references) + " " + advice);
        }
    }

    /** "used by 2 published stories: “A”, “B”; 1 dashboard: “D”." */
    public static String describe(List<Reference> references) {
        // Two stories may share a headline: each counts, the headline is named once.
        Map<Kind, Set<String>> byKind = new LinkedHashMap<>();
        Map<Kind, Long> totals = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            byKind.put(kind, new LinkedHashSet<>());
            totals.put(kind, 0L);
        }
        references.forEach(r -> {
            totals.merge(r.kind(), r.count(), Long::sum);
            if (r.name() != null) {
                byKind.get(r.kind()).add(r.name());
            }
        });
        List<String> parts = new ArrayList<>();
        byKind.forEach((kind, names) -> {
            long total = totals.get(kind);
            if (total == 0) {
                return;
            }
            List<String> quoted = new ArrayList<>(
                    names.stream().limit(NAMED).map(n -> "“" + n + "”").toList());
            if (total > quoted.size()) {
                quoted.add("and " + (total - quoted.size()) + " more");
            }
            parts.add(total + " " + (total == 1 ? kind.one : kind.many) + ": " + String.join(", ", quoted));
        });
        return "used by " + String.join("; ", parts) + ".";
    }
}
