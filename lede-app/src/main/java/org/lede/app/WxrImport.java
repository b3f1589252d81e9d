package org.lede.app;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.lede.Services;
import org.lede.db.Database;
import org.lede.importing.WxrImporter;
import org.lede.importing.WxrImporter.ItemReport;
import org.lede.importing.WxrImporter.OnError;
import org.lede.importing.WxrImporter.Options;
import org.lede.importing.WxrImporter.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "wxr",
        mixinStandardHelpOptions = true,
        description = {
            "Import a WordPress export (Tools > Export > All content): posts, their authors, categories, tags and"
                    + " images. Running it again with the same file changes nothing.",
            "Images come from the export's uploads folder (--media-dir); images at other addresses are reported,"
                    + " not downloaded."
        })
final class WxrImport implements Callable<Integer> {
    @Mixin
    Settings settings;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The WXR file WordPress exported.")
    Path file;

    @Option(
            names = "--media-dir",
            paramLabel = "DIR",
            description = "The site's wp-content/uploads folder, holding 2024/05/photo.jpg and the like.")
    Path mediaDir;

    @Option(names = "--dry-run", description = "Read and convert everything, report it, and write nothing.")
    boolean dryRun;

    @Option(names = "--report", paramLabel = "FILE", description = "Write what became of each item, and why, here.")
    Path report;

    @Option(
            names = "--on-error",
            paramLabel = "skip|stop",
            defaultValue = "skip",
            converter = OnErrorConverter.class,
            description = "When an item cannot be imported: skip it and go on (default), or stop there.")
    OnError onError;

    static final class OnErrorConverter implements picocli.CommandLine.ITypeConverter<OnError> {
        @Override
        public OnError convert(String value) {
            return switch (value) {
                case "skip" -> OnError.SKIP;
                case "stop" -> OnError.STOP;
                default ->
                    throw new picocli.CommandLine.TypeConversionException(
                            "expected skip or stop, not \"" + value + "\"");
            };
        }
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new StartupException("no such file: " + file + ".");
        }
        if (mediaDir != null && !Files.isDirectory(mediaDir)) {
            throw new StartupException("--media-dir " + mediaDir + " is not a folder.");
        }
        long size = Files.size(file);
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = System.console() == null
                ? null
                : new Progress(spec.commandLine().getErr(), size);
        Path dataDir = settings.writableDataDir();
        try (Database db = Database.open(settings.database(dataDir));
                BufferedWriter lines =
                        report == null ? null : Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
            Services services = Services.create(db, dataDir.resolve("media"), Clock.systemUTC());
            WxrImporter importer = new WxrImporter(
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
            Summary summary;
            try {
                summary = importer.run(
                        () -> open(file),
                        file.toString(),
                        new Options(mediaDir, dryRun, onError),
                        new WxrImporter.Listener() {
                            @Override
                            public void item(ItemReport item) {
                                if (lines != null) {
                                    write(lines, item);
                                }
                            }

                            @Override
                            public void progress(long position) {
                                if (progress != null) {
                                    progress.at(position);
                                }
                            }
                        });
            } finally {
                if (progress != null) {
                    progress.done();
                }
                services.mediaService().close();
            }
            out.println((dryRun ? "dry run, nothing written: " : "")
                    + summary.line()
                    + (report == null ? "" : "; report in " + report));
            out.flush();
            return summary.failed() == 0 ? 0 : 1;
        }
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new StartupException("no such file: " + file + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line per item (outcome, source id, title, story id), then its notes indented. */
    private static void write(BufferedWriter lines, ItemReport item) {
        try {
            lines.write(item.outcome().name().toLowerCase(java.util.Locale.ROOT) + "\t" + item.sourceId() + "\t"
                    + item.title().replace('\t', ' ').replace('\n', ' ') + "\t"
                    + (item.storyId() == null ? "-" : item.storyId()));
            lines.newLine();
            for (String note : item.notes()) {
                lines.write("\t" + note.replace('\n', ' '));
                lines.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bar on the terminal, by the share of the file read, redrawn at most ten times a second. */
    private static final class Progress {
        private final PrintWriter err;
        private final long size;
        private long drawnAt;

        Progress(PrintWriter err, long size) {
            this.err = err;
            this.size = Math.max(1, size);
        }

        void at(long position) {
            long now = System.nanoTime();
            if (now - drawnAt < 100_000_000L) {
                return;
            }
            drawnAt = now;
            int percent = (int) Math.min(100, position * 100 / size);
            err.print("\r[" + "#".repeat(percent / 4) + " ".repeat(25 - percent / 4) + "] " + percent + "%");
            err.flush();
        }

        void done() {
            err.print("\r" + " ".repeat(40) + "\r");
            err.flush();
        }
    }
}
