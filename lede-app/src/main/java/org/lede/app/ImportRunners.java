package org.lede.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.lede.Services;
import org.lede.importing.ImportJobs;
import org.lede.importing.RemoteFiles;
import org.lede.importing.RssSource;
import org.lede.importing.SourceReader;
import org.lede.importing.WxrSource;
import org.lede.importing.ghost.GhostSource;

/**
 * The importers the newsroom's import page offers, by the format names its form sends. The page
 * has no uploads folder to offer, so images come from their addresses, public ones only.
 */
final class ImportRunners {
    private ImportRunners() {}

    private interface Opener {
        SourceReader open(Supplier<InputStream> file, String name);
    }

    static Map<String, ImportJobs.Runner> of(Services services) {
        Map<String, Opener> formats = new LinkedHashMap<>();
        formats.put("wxr", WxrSource::new);
        formats.put("rss", (file, name) -> new RssSource(file.get(), name));
        formats.put("ghost", GhostSource::new);
        Map<String, ImportJobs.Runner> runners = new LinkedHashMap<>();
        formats.forEach((format, opener) -> {
            // Each run has its own HTTP client, closed when it ends: a server that never imports
            // does not build one at start-up, where it took 3 % of the main thread's time.
            runners.put(format, (file, options, listener) -> {
                try (RemoteFiles remote = RemoteFiles.forImages(false);
                        SourceReader reader =
                                opener.open(() -> open(file), file.getFileName().toString())) {
                    return services.importer(remote.asImages()).run(reader, options, listener);
                }
            });
        });
        return runners;
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
