package org.lede.app;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lede} command. */
@Command(
        name = "lede",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Lede: a newsroom publishing platform.%n",
        subcommands = {
            ServeCommand.class,
            ImportCommand.class,
            TransferCommands.Export.class,
            TransferCommands.Backup.class,
            TransferCommands.Restore.class,
            UserCommand.class,
            TokenCommand.class,
            ReindexCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Environment: LEDE_PORT, LEDE_DATABASE_URL, LEDE_DATA_DIR, LEDE_BASE_URL, LEDE_SITE_NAME, LEDE_TIME_ZONE."
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code; tests call this instead of {@link #main}. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new StartupErrors());
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
