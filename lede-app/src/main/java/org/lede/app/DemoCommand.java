package org.lede.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lede.Services;
import org.lede.db.Database;
import org.lede.demo.DemoArchive;
import org.lede.media.MediaService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lede demo --stories N}: the demo newsroom grown to an archive of N generated stories. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Load the demo newsroom, then add N generated published stories spread over twenty years "
                    + "(denser recently) through a bulk path: for measuring Lede at archive scale.",
            "A database that already has stories is added to. Stories get no events: stop the server first "
                    + "(its page cache does not see them); the search index is rebuilt from the database afterwards.",
            "The same seed and end date on an empty database give the same stories."
        })
final class DemoCommand implements Callable<Integer> {
    @Mixin
    Settings settings;

    @Spec
    CommandSpec spec;

    @Option(names = "--stories", paramLabel = "N", required = true, description = "How many stories to add.")
    int stories;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "The seed the stories' text is drawn from (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--end",
            paramLabel = "DATE",
            description = "The newest story's date, YYYY-MM-DD (default: today, UTC); the oldest is twenty years "
                    + "before it.")
    String end;

    @Option(
            names = "--no-reindex",
            negatable = true,
            defaultValue = "true",
            description = "Skip rebuilding the search index afterwards (then run `lede reindex`).")
    boolean reindex;

    @Override
    public Integer call() {
        if (stories < 0) {
            throw new StartupException("--stories must be 0 or more, not " + stories + ".");
        }
        Instant until = end();
        Path dataDir = settings.writableDataDir();
        PrintWriter out = spec.commandLine().getOut();
        SourceImport.Progress progress = System.console() == null
                ? null
                : new SourceImport.Progress(spec.commandLine().getErr(), stories);
        try (Database db = Database.open(settings.database(dataDir))) {
            Services services = settings.services(db, dataDir, Clock.systemUTC());
            DemoArchive.Summary summary;
            try (MediaService images = services.mediaService()) {
                summary = services.demoArchive(dataDir.resolve("media")).generate(stories, seed, until, written -> {
                    if (progress != null) {
                        progress.at(written);
                    }
                });
            } finally {
                if (progress != null) {
                    progress.done();
                }
            }
            out.println(String.format(
                    Locale.ROOT,
                    "generated %,d stories in %.1f s (%,.0f stories/s), seed %d, %s to %s; the database now has %,d"
                            + " stories.",
                    summary.stories(),
                    summary.took().toMillis() / 1000.0,
                    summary.perSecond(),
                    seed,
                    until.minus(DemoArchive.SPAN).atZone(ZoneOffset.UTC).toLocalDate(),
                    until.atZone(ZoneOffset.UTC).toLocalDate(),
                    summary.first() + summary.stories()));
            out.flush();
            if (reindex) {
                // The stories went in without events, so the index cannot follow them: it is rebuilt.
                ReindexCommand.rebuild(services, spec, out);
            }
        }
        return 0;
    }

    private Instant end() {
        if (end == null) {
            return Instant.now().truncatedTo(ChronoUnit.DAYS);
        }
        try {
            return LocalDate.parse(end).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException e) {
            throw new StartupException("--end must be a date such as 2026-11-30, not \"" + end + "\".");
        }
    }
}
