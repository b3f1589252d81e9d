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
import org.lede.importing.Importer.ItemReport;
import org.lede.importing.Importer.Listener;
import org.lede.importing.Importer.OnError;
import org.lede.importing.Importer.Options;
import org.lede.importing.Importer.Summary;
import org.lede.importing.RemoteFiles;
import org.lede.importing.SourceReader;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What every {@code lede import FORMAT} command shares: the options, the run through the import
 * engine, the progress bar on a terminal, the report file and the one-line summary. A format's
 * command says only how its reader is opened.
 */
abstract class SourceImport implements Callable<Integer> {
    @Mixin
    Settings settings;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--media-dir",
            paramLabel = "DIR",
            description =
                    "The export's uploads folder (WordPress's wp-content/uploads or Ghost's content/images, holding 2024/05/photo.jpg and the like).")
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

    /** The namespace of the format's ids, such as {@code wxr}. */
    abstract String format();

    /** The size of what is read, in bytes, for the progress bar; 0 when it is not known. */
    abstract long size() throws IOException;

    /** Opens the export; called once the options have been checked. */
    abstract SourceReader open(RemoteFiles remote);

    @Option(
            names = "--download-media",
            description = "Download images the export names by an http(s) address and that are not in --media-dir"
                    + " (public addresses only, within the upload limits).")
    boolean downloadMedia;

    @Option(
            names = "--allow-private-addresses",
            description =
                    "Let downloads reach loopback and private-network addresses, for a site on your own" + " network.")
    boolean allowPrivate;

    /** What reads the network for this import: the images with --download-media, a feed given by URL. */
    final RemoteFiles remoteFiles() {
        return RemoteFiles.forImages(allowPrivate);
    }

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
        if (mediaDir != null && !Files.isDirectory(mediaDir)) {
            throw new StartupException("--media-dir " + mediaDir + " is not a folder.");
        }
        long size = size();
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = System.console() == null || size <= 0
                ? null
                : new Progress(spec.commandLine().getErr(), size);
        Path dataDir = settings.writableDataDir();
        try (Database db = Database.open(settings.database(dataDir));
                BufferedWriter lines =
                        report == null ? null : Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
            Services services = settings.services(db, dataDir, Clock.systemUTC());
            Summary summary;
            try (RemoteFiles remote = remoteFiles();
                    SourceReader reader = open(remote)) {
                summary = services.importer(downloadMedia ? remote.asImages() : null)
                        .run(reader, new Options(format(), mediaDir, dryRun, onError), new Listener() {
                            @Override
                            public void item(ItemReport item) {
                                if (lines != null) {
                                    item.writeTo(lines);
                                }
                            }

                            @Override
                            public void progress(long position) {
                                if (progress != null) {
                                    progress.at(position);
                                }
                            }
                        });
                if (lines != null) {
                    for (String note : summary.notes()) {
                        lines.write("note\t" + note);
                        lines.newLine();
                    }
                }
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

    /** The size of a file the command names, with the command's own message when it is not there. */
    static long sizeOf(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new StartupException("no such file: " + file + ".");
        }
        return Files.size(file);
    }

    /** Opens a file the command names, with the command's own message when it is not there. */
    static InputStream openFile(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new StartupException("no such file: " + file + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bar on the terminal, by the share of the file read, redrawn at most ten times a second. */
    static final class Progress {
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
