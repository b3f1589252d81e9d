package org.lede.transfer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.lede.common.ConflictException;
import org.lede.common.DurableFiles;
import org.lede.common.Transactions;
import org.lede.common.ValidationException;
import org.lede.media.BlobStore;
import org.lede.media.MediaType;
import org.lede.media.Renditions;

/**
 * The whole newsroom out and back in. An export is one JSON document, written from one snapshot,
 * with the media originals in the directory beside it ({@link #mediaBeside}); an import reads it
 * into an empty database in one transaction, so a failure leaves nothing behind. A backup is the
 * SQLite file itself ({@code VACUUM INTO}) or, on PostgreSQL, an export.
 */
public final class NewsroomTransfer {
    private static final byte[] SQLITE_HEADER =
            "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Transactions transactions;
    private final TransferStore store;
    private final BlobStore blobs;
    private final boolean sqlite;

    public NewsroomTransfer(Transactions transactions, TransferStore store, BlobStore blobs, boolean sqlite) {
        this.transactions = transactions;
        this.store = store;
        this.blobs = blobs;
        this.sqlite = sqlite;
    }

    /** What an export or import moved. */
    public record Summary(int mediaFiles, List<String> missingMedia) {}

    /** Where the media originals of the export or backup {@code file} go: {@code FILE.media/}. */
    public static Path mediaBeside(Path file) {
        Path absolute = file.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".media");
    }

    /**
     * Writes the newsroom to {@code file} and its media originals and renditions beside it, from one
     * snapshot that writers do not wait for. Call it outside a transaction.
     */
    public Summary exportTo(Path file) {
        Path mediaDir = mediaBeside(file);
        AtomicInteger copied = new AtomicInteger();
        List<String> missing = new java.util.ArrayList<>();
        try {
            Files.createDirectories(mediaDir);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                store.write(out, (sha, contentType) -> {
                    String key = originalKey(sha, contentType);
                    var bytes = blobs.get(key);
                    if (bytes.isEmpty()) {
                        missing.add(key);
                        return;
                    }
                    write(mediaDir.resolve(key), bytes.get());
                    copied.incrementAndGet();
                    // Renditions ride along, so the imported site serves the sizes it served before.
                    for (String rendition : renditionKeys(sha, contentType)) {
                        blobs.get(rendition).ifPresent(b -> write(mediaDir.resolve(rendition), b));
                    }
                });
            }
            DurableFiles.flush(mediaDir);
            DurableFiles.flush(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return new Summary(copied.get(), List.copyOf(missing));
    }

    /**
     * Reads an export into this database, which must hold no newsroom yet; originals come from the
     * directory beside the file.
     *
     * @throws ConflictException when the database already holds a newsroom
     * @throws ValidationException for a file that is not a readable export
     */
    public Summary importFrom(Path file) {
        Path mediaDir = mediaBeside(file);
        AtomicInteger copied = new AtomicInteger();
        List<String> missing = new java.util.ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            transactions.inTransaction(() -> {
                List<String> occupied = store.occupiedTables();
                if (!occupied.isEmpty()) {
                    throw new ConflictException("the database already holds a newsroom (" + String.join(", ", occupied)
                            + "); import into an empty one");
                }
                store.read(in, (sha, contentType) -> {
                    String key = originalKey(sha, contentType);
                    Path original = mediaDir.resolve(key);
                    if (!Files.isRegularFile(original)) {
                        missing.add(key);
                        return;
                    }
                    put(key, original);
                    copied.incrementAndGet();
                    for (String rendition : renditionKeys(sha, contentType)) {
                        Path made = mediaDir.resolve(rendition);
                        if (Files.isRegularFile(made)) {
                            put(rendition, made);
                        }
                    }
                });
                return null;
            });
        } catch (NoSuchFileException e) {
            throw new ValidationException("file", "there is no file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return new Summary(copied.get(), List.copyOf(missing));
    }

    /**
     * An online backup, consistent while writes go on: on SQLite a copy of the database file made by
     * {@code VACUUM INTO} and the media directory's files beside it; on PostgreSQL an export, which
     * reads one REPEATABLE READ snapshot.
     */
    public void backup(Path file, Path mediaDir) {
        if (!sqlite) {
            exportTo(file);
            return;
        }
        try {
            Files.deleteIfExists(file);
            store.copyDatabaseTo(file);
            // Originals are named by their content and never rewritten, so copying after the snapshot
            // finds every one it references.
            copyFiles(mediaDir, mediaBeside(file));
            // VACUUM INTO does not flush the copy it writes, nor does a file copy.
            DurableFiles.flush(mediaBeside(file));
            DurableFiles.flush(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backup " + file, e);
        }
    }

    /** True when {@code file} is a SQLite database (a SQLite backup) rather than an export. */
    public static boolean isSqliteFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
        } catch (NoSuchFileException e) {
            throw new ValidationException("file", "there is no file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /**
     * Puts a SQLite backup in place as {@code databaseFile}, with its media in {@code mediaDir}; the
     * caller has made sure neither holds anything yet.
     */
    public static void restoreSqlite(Path backup, Path databaseFile, Path mediaDir) {
        try {
            Files.createDirectories(databaseFile.toAbsolutePath().getParent());
            Files.copy(backup, databaseFile);
            copyFiles(mediaBeside(backup), mediaDir);
            DurableFiles.flush(mediaDir);
            DurableFiles.flush(databaseFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restore " + backup, e);
        }
    }

    private static void copyFiles(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        if (!Files.isDirectory(from)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(from, Files::isRegularFile)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!name.startsWith(".")) {
                    Files.copy(f, to.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private void put(String key, Path file) {
        try {
            blobs.put(key, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static List<String> renditionKeys(String sha, String contentType) {
        MediaType type = mediaType(contentType);
        return Renditions.WIDTHS.stream().map(w -> Renditions.key(sha, w, type)).toList();
    }

    private static void write(Path target, byte[] bytes) {
        try {
            Files.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    private static MediaType mediaType(String contentType) {
        return Arrays.stream(MediaType.values())
                .filter(t -> t.mime().equals(contentType))
                .findFirst()
                .orElseThrow(() -> new ValidationException("file", "unknown media type " + contentType));
    }

    private static String originalKey(String sha, String contentType) {
        MediaType type = mediaType(contentType);
        if (!sha.matches("[0-9a-f]{64}")) {
            throw new ValidationException("file", "not a media hash: " + sha);
        }
        return sha + "." + type.extension();
    }
}
