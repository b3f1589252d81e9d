package org.lede.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs: lower-case ASCII letters, digits and single hyphens. */
public final class Slugs {
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX = 80;

    private Slugs() {}

    /** Turns a headline or name into a slug, folding accents ("Aïda" becomes "aida"). */
    public static String slugify(String text) {
        // A slug is its own slug; tags are read back as slugs with every story.
        if (text != null && text.length() <= MAX && VALID.matcher(text).matches()) {
            return text;
        }
        String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("['’‘]", "")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (ascii.length() > MAX) {
            ascii = ascii.substring(0, MAX).replaceAll("-[^-]*$", "");
        }
        return ascii.isEmpty() ? "untitled" : ascii;
    }

    /** Returns the slug when it is well formed, else throws a {@link ValidationException} for {@code field}. */
    public static String check(String field, String slug) {
        if (slug == null || slug.length() > MAX || !VALID.matcher(slug).matches()) {
            throw new ValidationException(
                    field,
                    "The " + field + " \"" + slug + "\" must be lower-case letters, digits and single hyphens, at most "
                            + MAX + " characters.");
        }
        return slug;
    }
}
