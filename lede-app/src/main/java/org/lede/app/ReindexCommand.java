package org.lede.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lede.Services;
import org.lede.db.Database;
import org.lede.search.Search;
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
            Services services = Services.create(db, dataDir.resolve("media"), Clock.systemUTC());
            try (Search search = services.search()) {
                boolean terminal = System.console() != null;
                SourceImport.Progress[] bar = new SourceImport.Progress[1];
                long began = System.nanoTime();
                long documents;
                try {
                    documents = search.indexer(e -> {
                                throw e;
                            })
                            .rebuild((done, total) -> {
                                if (terminal && bar[0] == null) {
                                    bar[0] = new SourceImport.Progress(
                                            spec.commandLine().getErr(), total);
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
                out.println(String.format(
                        Locale.ROOT,
                        "Reindexed %d documents in %.1f s (%,.0f documents/s).",
                        documents,
                        seconds,
                        documents / seconds));
                out.flush();
            }
        }
        return 0;
    }
}
