package org.lede.common;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/**
 * The order people expect names in: by letter, whatever the case or accents ("bell hooks" before
 * "Zoe Quist", "Céline" before "Zoe"). Databases sort text by their collation, which is byte order
 * on SQLite and whatever the server was initialised with on PostgreSQL, so lists of names are
 * sorted here instead, the same way on both.
 */
public final class Names {
    private static final Collator COLLATOR = collator();
    /** Letters first; case and accents only break ties, then the exact text. */
    public static final Comparator<String> ORDER = Names::compare;

    private Names() {}

    private static Collator collator() {
        Collator collator = Collator.getInstance(Locale.ROOT);
        collator.setStrength(Collator.TERTIARY);
        return collator;
    }

    private static int compare(String a, String b) {
        int byLetters = COLLATOR.compare(a, b);
        return byLetters != 0 ? byLetters : a.compareTo(b);
    }
}
