package org.lede.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.lede.Services;
import org.lede.db.Database;
import org.lede.related.GoDeeper;
import org.lede.search.Search;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Ranks Go deeper for every live story that has no kept ranking: for an archive that arrived in
 * bulk, so that its story pages read their picks rather than rank them on a reader's first visit.
 * A running site ranks stories as readers open them; this does them all at once, ahead of them.
 */
@Command(
        name = "go-deeper",
        mixinStandardHelpOptions = true,
        description =
                "Rank Go deeper for every live story that has no kept ranking (after an import; stop the server first).")
final class GoDeeperCommand implements Callable<Integer> {
    @Mixin
    Settings settings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path dataDir = settings.writableDataDir();
        try (Database db = Database.open(settings.database(dataDir))) {
            Services services = settings.services(db, dataDir, Clock.systemUTC());
            try (Search search = services.search();
                    GoDeeper goDeeper = services.goDeeper()) {
                ReindexCommand.timed(
                        spec,
                        spec.commandLine().getOut(),
                        "Ranked Go deeper for %d stories in %.1f s (%,.0f stories/s).",
                        goDeeper::fill);
            }
        }
        return 0;
    }
}
