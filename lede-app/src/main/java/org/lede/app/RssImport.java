package org.lede.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.lede.importing.RemoteFiles;
import org.lede.importing.RssSource;
import org.lede.importing.SourceItem;
import org.lede.importing.SourceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "rss",
        mixinStandardHelpOptions = true,
        description = {
            "Import the stories of an RSS 2.0 or Atom feed, from a file or an http(s) address: their full text"
                    + " (content:encoded or Atom content), authors, categories and images (media:content,"
                    + " enclosures). Running it again changes nothing; entries updated since are updated.",
            "A feed holds only what it lists, usually the newest stories: for a whole archive use the site's own"
                    + " export (wxr, ghost)."
        })
final class RssImport extends SourceImport {
    @Parameters(paramLabel = "FILE-OR-URL", description = "The feed: a file, or an http or https address.")
    String source;

    @Override
    String format() {
        return "rss";
    }

    @Override
    long size() throws IOException {
        if (address() != null) {
            return 0;
        }
        return sizeOf(Path.of(source));
    }

    @Override
    SourceReader open(RemoteFiles remote) {
        URI address = address();
        if (address == null) {
            return new RssSource(openFile(Path.of(source)), source);
        }
        Path download = remote.download(address, RemoteFiles.FEED_MAX_BYTES);
        try {
            return new Downloaded(new RssSource(Files.newInputStream(download), source), download);
        } catch (IOException | RuntimeException e) {
            delete(download);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** The feed's address when the argument is an http(s) URL; null for a file. */
    private URI address() {
        String lower = source.strip().toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return null;
        }
        try {
            return new URI(source.strip());
        } catch (URISyntaxException e) {
            throw new StartupException(source + " is not an address: " + e.getReason() + ".");
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temporary file left behind is the system's to clean; the import's outcome is what matters.
        }
    }

    /** A feed read from its downloaded copy, which goes when the reading is done. */
    private record Downloaded(RssSource feed, Path file) implements SourceReader {
        @Override
        public SourceItem next() {
            return feed.next();
        }

        @Override
        public long position() {
            return feed.position();
        }

        @Override
        public List<String> notes() {
            return feed.notes();
        }

        @Override
        public void close() {
            try {
                feed.close();
            } finally {
                delete(file);
            }
        }
    }
}
