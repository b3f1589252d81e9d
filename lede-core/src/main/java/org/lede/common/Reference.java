package org.lede.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Something that uses a thing someone asked to delete, named the way the newsroom knows it
 * (a headline, a dashboard's title, an author's name), so a refusal says exactly what to change.
 */
public record Reference(Kind kind, String name) {
    /** How many names of one kind a refusal spells out before it counts the rest. */
    private static final int NAMED = 10;

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
        Map<Kind, List<String>> byKind = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            byKind.put(kind, new ArrayList<>());
        }
        references.forEach(r -> {
            List<String> names = byKind.get(r.kind());
            if (!names.contains(r.name())) {
                names.add(r.name());
            }
        });
        List<String> parts = new ArrayList<>();
        byKind.forEach((kind, names) -> {
            if (names.isEmpty()) {
                return;
            }
            List<String> quoted = new ArrayList<>(
                    names.stream().limit(NAMED).map(n -> "“" + n + "”").toList());
            if (names.size() > NAMED) {
                quoted.add("and " + (names.size() - NAMED) + " more");
            }
            parts.add(
                    names.size() + " " + (names.size() == 1 ? kind.one : kind.many) + ": " + String.join(", ", quoted));
        });
        return "used by " + String.join("; ", parts) + ".";
    }
}
