package org.lede.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToLongFunction;
import org.lede.Services;
import org.lede.db.Database;
import org.lede.search.Search;
import org.lede.search.SearchIndexer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Rebuilds the search index from the database: the way to a new index after an upgrade changes
 * what it holds, or to one that was lost. The old contents answer until the new are complete.
 */
@Command(
        name = "reindex",
        mixinStandardHelpOptions = true,
        description = "Rebuild the search index from the database (stop the server first).")
final class ReindexCommand implements Callable<Integer> {
    @Mixin
    Settings settings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path dataDir = settings.writableDataDir();
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = Database.open(settings.database(dataDir))) {
            Services services = settings.services(db, dataDir, Clock.systemUTC());
            rebuild(services, spec, out);
        }
        return 0;
    }

    /** Rebuilds the index of {@code services}' database, with a bar on a terminal and a line in {@code out}. */
    static void rebuild(Services services, CommandSpec spec, PrintWriter out) {
        try (Search search = services.search()) {
            timed(
                    spec,
                    out,
                    "Reindexed %d documents in %.1f s (%,.0f documents/s).",
                    progress -> search.indexer(e -> {
                                throw e;
                            })
                            .rebuild(progress));
        }
    }

    /**
     * Runs {@code work} with a progress bar on a terminal, then prints {@code summary} with the
     * count it returns, the seconds it took and the rate.
     */
    static void timed(CommandSpec spec, PrintWriter out, String summary, ToLongFunction<SearchIndexer.Progress> work) {
        boolean terminal = System.console() != null;
        SourceImport.Progress[] bar = new SourceImport.Progress[1];
        long began = System.nanoTime();
        long count;
        try {
            count = work.applyAsLong((done, total) -> {
                if (terminal && bar[0] == null) {
                    bar[0] = new SourceImport.Progress(spec.commandLine().getErr(), total);
                }
                if (bar[0] != null) {
                    bar[0].at(done);
                }
            });
        } finally {
            if (bar[0] != null) {
                bar[0].done();
            }
        }
        double seconds = Math.max(1e-9, (System.nanoTime() - began) / 1e9);
        out.println(String.format(Locale.ROOT, summary, count, seconds, count / seconds));
        out.flush();
    }
}
