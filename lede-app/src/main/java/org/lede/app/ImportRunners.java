package org.lede.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lede.Services;
import org.lede.importing.ImportJobs;
import org.lede.importing.WxrImporter;

/** The importers the newsroom's import page offers, by the format names its form sends. */
final class ImportRunners {
    private ImportRunners() {}

    static Map<String, ImportJobs.Runner> of(Services services) {
        WxrImporter wxr = new WxrImporter(
                services.db(),
                services.imports(),
                services.storyService(),
                services.stories(),
                services.authorService(),
                services.authors(),
                services.topicService(),
                services.topics(),
                services.mediaService(),
                services.clock());
        Map<String, ImportJobs.Runner> runners = new LinkedHashMap<>();
        runners.put(
                "wxr",
                (file, options, listener) ->
                        wxr.run(() -> open(file), file.getFileName().toString(), options, listener));
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
