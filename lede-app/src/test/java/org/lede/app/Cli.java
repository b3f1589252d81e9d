package org.lede.app;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the `lede` command line in-process and keeps what it printed. */
record Cli(int code, String out, String err) {
    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** A user error: exit status 2 and one line on standard error that names the problem, no stack trace. */
    void assertOneLineError(String expected) {
        org.junit.jupiter.api.Assertions.assertEquals(2, code, err);
        org.junit.jupiter.api.Assertions.assertEquals(
                1, err.strip().lines().count(), "one line, no stack trace: " + err);
        org.junit.jupiter.api.Assertions.assertTrue(err.startsWith("lede: "), err);
        org.junit.jupiter.api.Assertions.assertTrue(err.contains(expected), err);
    }
}
