package org.lede.common;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Files written so that a write that returned survives a crash of the machine, and a crash
 * before it returned never leaves part of a file in place.
 *
 * <p>Why each step: a written file sits in the operating system's cache until it is flushed, and
 * a rename is an entry in its directory, cached the same way. Renamed before its bytes reach the
 * disk, a file can come back from a power cut under its new name but empty; renamed and not
 * flushed, it can come back under its old name or not at all. A database row written after the
 * write returned would then point at a file that is not there.
 */
public final class DurableFiles {
    /** Flushes a file's bytes, or a directory's entries, to the disk. */
    interface Flush {
        void flush(Path path, boolean directory) throws IOException;
    }

    private static final DurableFiles DISK = new DurableFiles(DurableFiles::force);

    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private final Flush flush;

    DurableFiles(Flush flush) {
        this.flush = flush;
    }

    /**
     * Puts {@code bytes} at {@code target}, replacing what is there: written to a temporary file
     * beside it and flushed, renamed over it in one step, and the directory flushed.
     *
     * @throws java.nio.file.AtomicMoveNotSupportedException where the file system cannot rename
     *     in one step, rather than risk a half-written file under the target's name
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        DISK.put(target, bytes);
    }

    void put(Path target, byte[] bytes) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(directory, "." + target.getFileName() + "-", ".tmp");
        try {
            Files.write(temp, bytes);
            flush.flush(temp, false);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            flush.flush(directory, true);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Flushes what has already been written at {@code path}, a file or a directory of files (each
     * file, then the directory), and then the directory that names it: for a backup or an export,
     * which is not done until a power cut cannot take it back.
     */
    public static void flush(Path path) throws IOException {
        DISK.flushWritten(path);
    }

    void flushWritten(Path path) throws IOException {
        boolean directory = Files.isDirectory(path);
        if (directory) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(path, Files::isRegularFile)) {
                for (Path file : files) {
                    flush.flush(file, false);
                }
            }
        }
        flush.flush(path, directory);
        flush.flush(path.toAbsolutePath().getParent(), true);
    }

    private static void force(Path path, boolean directory) throws IOException {
        // A file is flushed through a handle that may write, which Windows requires.
        try (FileChannel channel =
                FileChannel.open(path, directory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a file, and NTFS journals the rename itself.
            if (!(directory && WINDOWS)) {
                throw e;
            }
        }
    }
}
