package org.lede.app;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lede} command. */
@Command(
        name = "lede",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Lede: a newsroom publishing platform.%n",
        footer = {
            "",
            "Environment: LEDE_PORT, LEDE_DATABASE_URL, LEDE_DATA_DIR, LEDE_BASE_URL, LEDE_SITE_NAME, LEDE_TIME_ZONE."
        })
public final class Main implements Runnable {
    /**
     * Named here rather than in the annotation, so a run builds only the command it runs: picocli
     * reads every command's options by reflection before it parses, and building all of them cost
     * the server's start-up a fifth of a second. Help, and a name that is no command, get them all.
     */
    private static final List<Class<?>> COMMANDS = List.of(
            ServeCommand.class,
            ImportCommand.class,
            TransferCommands.Export.class,
            TransferCommands.Backup.class,
            TransferCommands.Restore.class,
            UserCommand.class,
            TokenCommand.class,
            ReindexCommand.class,
            GoDeeperCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class);

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
        String first = args.length > 0 ? args[0] : "";
        boolean named = !first.equals("help")
                && COMMANDS.stream().anyMatch(command -> nameOf(command).equals(first));
        for (Class<?> command : COMMANDS) {
            if (!named || nameOf(command).equals(first)) {
                cli.addSubcommand(command);
            }
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new StartupErrors());
        return cli.execute(args);
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
