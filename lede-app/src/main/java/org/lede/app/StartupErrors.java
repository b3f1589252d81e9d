package org.lede.app;

import org.lede.common.LedeException;
import org.lede.db.DatabaseUnavailableException;
import org.lede.db.DatabaseUrl;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Expected failures (a bad flag value, an unreachable database, an unwritable directory) end
 * the command with one line and exit code 2; only a bug prints a stack trace.
 */
final class StartupErrors implements IExecutionExceptionHandler {
    static final int USER_ERROR = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) throws Exception {
        if (e instanceof LedeException || e instanceof DatabaseUnavailableException || e instanceof StartupException) {
            // Whatever said it (a driver repeating the URL it was given), no password is printed.
            cli.getErr().println("lede: " + DatabaseUrl.redact(String.valueOf(e.getMessage())));
            return USER_ERROR;
        }
        throw e;
    }
}
