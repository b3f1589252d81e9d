package org.lede.search;

/**
 * Letters and digits as {@link Character} classifies them, ASCII answered without its tables:
 * looking every character up there was a tenth of a search rebuild's time, and nearly every
 * character of an English archive is ASCII.
 */
public final class Letters {
    private Letters() {}

    /** Whether {@code c} is a letter or a digit, as {@link Character#isLetterOrDigit(int)} says. */
    public static boolean letterOrDigit(int c) {
        return c < 0x80 ? letter(c) || c >= '0' && c <= '9' : Character.isLetterOrDigit(c);
    }

    /** Whether {@code c} is a letter, as {@link Character#isLetter(int)} says. */
    public static boolean letter(int c) {
        return c < 0x80 ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' : Character.isLetter(c);
    }
}
