package org.lede.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.lede.Services;
import org.lede.db.Database;
import org.lede.db.DatabaseUrl;
import org.lede.db.Dialect;
import org.lede.transfer.NewsroomTransfer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code export}, {@code import lede}, {@code backup} and {@code restore}: the whole newsroom out and back. */
final class TransferCommands {
    private TransferCommands() {}

    private interface Work {
        void run(NewsroomTransfer transfer, Path mediaDir, PrintWriter out);
    }

    private interface Step {
        NewsroomTransfer.Summary run();
    }

    /** Runs a transfer and reports it with its own time, apart from the JVM's start and the migrations. */
    private static void timed(PrintWriter out, String what, Path file, Step step) {
        long start = System.nanoTime();
        NewsroomTransfer.Summary summary = step.run();
        report(out, what, file, summary, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void withTransfer(Settings settings, CommandSpec spec, Work work) {
        Path dataDir = settings.writableDataDir();
        try (Database db = Database.open(settings.database(dataDir))) {
            NewsroomTransfer transfer = Services.transfer(db, dataDir.resolve("media"));
            PrintWriter out = spec.commandLine().getOut();
            work.run(transfer, dataDir.resolve("media"), out);
            out.flush();
        }
    }

    private static void report(
            PrintWriter out, String what, Path file, NewsroomTransfer.Summary summary, Duration took) {
        out.println(what + " " + file + " with " + summary.mediaFiles() + " media originals in "
                + NewsroomTransfer.mediaBeside(file)
                + String.format(Locale.ROOT, " in %.2f s.", took.toMillis() / 1000.0));
        if (!summary.missingMedia().isEmpty()) {
            out.println(summary.missingMedia().size() + " originals were missing: "
                    + String.join(", ", summary.missingMedia()));
        }
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            subcommands = SiteExportCommand.class,
            description = "Write the whole newsroom to FILE as one lede-export JSON document (no password hashes), "
                    + "with the media originals in the directory FILE.media beside it.")
    static final class Export implements Callable<Integer> {
        @Mixin
        Settings settings;

        @Spec
        CommandSpec spec;

        // Optional to picocli only: a required one would be asked of `export site DIR` too.
        @Parameters(paramLabel = "FILE", arity = "0..1", description = "The JSON file to write.")
        Path file;

        @Override
        public Integer call() {
            if (file == null) {
                throw new ParameterException(spec.commandLine(), "Missing required parameter: 'FILE'");
            }
            withTransfer(
                    settings,
                    spec,
                    (transfer, media, out) -> timed(out, "exported", file, () -> transfer.exportTo(file)));
            return 0;
        }
    }

    @Command(
            name = "lede",
            mixinStandardHelpOptions = true,
            description = "Read a lede-export FILE (and FILE.media beside it) into an empty database. "
                    + "Accounts come without passwords: give each one with `lede user reset-password`.")
    static final class Import implements Callable<Integer> {
        @Mixin
        Settings settings;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The export to read.")
        Path file;

        @Override
        public Integer call() {
            withTransfer(
                    settings,
                    spec,
                    (transfer, media, out) -> timed(out, "imported", file, () -> transfer.importFrom(file)));
            return 0;
        }
    }

    @Command(
            name = "backup",
            mixinStandardHelpOptions = true,
            description = "Back up the running newsroom to FILE while it goes on working: on SQLite a copy of the "
                    + "database (VACUUM INTO), on PostgreSQL an export from one snapshot; media in FILE.media.")
    static final class Backup implements Callable<Integer> {
        @Mixin
        Settings settings;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The backup file to write.")
        Path file;

        @Override
        public Integer call() {
            withTransfer(settings, spec, (transfer, media, out) -> {
                transfer.backup(file, media);
                out.println("backed up to " + file + " with media in " + NewsroomTransfer.mediaBeside(file) + ".");
            });
            return 0;
        }
    }

    @Command(
            name = "restore",
            mixinStandardHelpOptions = true,
            description = "Restore a backup FILE (a SQLite backup or an export) into an empty data directory, "
                    + "or an export into an empty PostgreSQL database.")
    static final class Restore implements Callable<Integer> {
        @Mixin
        Settings settings;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The backup to restore.")
        Path file;

        @Override
        public Integer call() {
            Path dataDir = settings.dataDir.toAbsolutePath().normalize();
            if (!isEmpty(dataDir)) {
                throw new StartupException(
                        "the data directory " + dataDir + " is not empty; restore into an empty one.");
            }
            DatabaseUrl url = settings.database(dataDir);
            if (NewsroomTransfer.isSqliteFile(file)) {
                if (url.dialect() != Dialect.SQLITE || settings.databaseUrl != null) {
                    throw new StartupException("a SQLite backup restores into a data directory without --database-url; "
                            + "move to PostgreSQL with `lede export` and `lede import lede`.");
                }
                settings.writableDataDir();
                NewsroomTransfer.restoreSqlite(file, dataDir.resolve("lede.db"), dataDir.resolve("media"));
                // Opening brings an older backup's schema up to date and proves the copy readable.
                try (Database db = Database.open(url)) {
                    spec.commandLine().getOut().println("restored " + file + " into " + dataDir + ".");
                }
                return 0;
            }
            withTransfer(
                    settings,
                    spec,
                    (transfer, media, out) -> timed(out, "restored", file, () -> transfer.importFrom(file)));
            return 0;
        }

        private static boolean isEmpty(Path dir) {
            if (!Files.exists(dir)) {
                return true;
            }
            try (Stream<Path> entries = Files.list(dir)) {
                return entries.findAny().isEmpty();
            } catch (IOException e) {
                throw new StartupException("cannot read the data directory " + dir + ": " + e.getMessage() + ".");
            }
        }
    }
}
