package org.lede.common;

/** A save named a revision older than the stored one: someone else saved in between. Nothing was changed. */
public class StaleRevisionException extends ConflictException {
    private final int expected;
    private final int current;

    public StaleRevisionException(String what, int expected, int current) {
        super("This " + what + " was changed by someone else since you opened it (you had revision " + expected
                + ", it is now at " + current + "). Nothing was saved; reload to see their changes.");
        this.expected = expected;
        this.current = current;
    }

    public int expected() {
        return expected;
    }

    public int current() {
        return current;
    }
}
