package org.lede.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFilesTest {
    @TempDir
    Path dir;

    /** What a flush saw: the path, and what the target held at that moment. */
    private record Flushed(Path path, boolean directory, String target) {}

    private final List<Flushed> flushed = new ArrayList<>();

    private DurableFiles recording(Path target) {
        return new DurableFiles((path, directory) ->
                flushed.add(new Flushed(path, directory, Files.exists(target) ? Files.readString(target) : null)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theBytesAreFlushedBeforeTheRenameAndTheDirectoryAfterIt() throws IOException {
        Path target = dir.resolve("photo.jpg");
        Files.writeString(target, "old");

        recording(target).put(target, utf8("new"));

        assertEquals("new", Files.readString(target));
        assertEquals(2, flushed.size(), flushed.toString());
        Flushed file = flushed.get(0);
        assertFalse(file.directory());
        assertEquals(dir, file.path().getParent(), "the temporary file is beside the target, on its file system");
        assertEquals("old", file.target(), "flushed while the target still held the old bytes");
        assertEquals(new Flushed(dir, true, "new"), flushed.get(1), "the directory, once the rename is in it");
    }

    @Test
    void noTemporaryFileIsLeftBehindWhetherTheWriteSucceedsOrFails() throws IOException {
        Path target = dir.resolve("a.txt");
        DurableFiles.write(target, utf8("one"));
        DurableFiles.write(target, utf8("two"));
        assertEquals("two", Files.readString(target));

        DurableFiles failing = new DurableFiles((path, directory) -> {
            throw new IOException("disk full");
        });
        assertThrows(IOException.class, () -> failing.put(target, utf8("three")));

        assertEquals("two", Files.readString(target), "a failed write leaves the file as it was");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void theRealDiskFlushesFilesAndDirectories() throws IOException {
        Path target = dir.resolve("b.bin");
        byte[] bytes = {0, 1, 2, (byte) 255};

        DurableFiles.write(target, bytes);

        assertArrayEquals(bytes, Files.readAllBytes(target));
        assertTrue(Files.isRegularFile(target));
    }

    @Test
    void aFinishedDirectoryIsFlushedFileByFileThenItselfThenItsParent() throws IOException {
        Path media = Files.createDirectories(dir.resolve("backup.db.media"));
        Files.writeString(media.resolve("a.jpg"), "a");
        Files.writeString(media.resolve("b.png"), "b");
        Files.createDirectories(media.resolve("nested"));
        DurableFiles recorder = recording(media.resolve("a.jpg"));

        recorder.flushWritten(media);

        assertEquals(
                Set.of(media.resolve("a.jpg"), media.resolve("b.png")),
                Set.of(flushed.get(0).path(), flushed.get(1).path()),
                "every file, not the subdirectory");
        assertEquals(
                List.of(false, false),
                List.of(flushed.get(0).directory(), flushed.get(1).directory()));
        assertEquals(new Flushed(media, true, "a"), flushed.get(2));
        assertEquals(new Flushed(dir, true, "a"), flushed.get(3), "and the entry that names it");
        assertEquals(4, flushed.size());

        flushed.clear();
        recorder.flushWritten(dir.resolve("backup.db.media/a.jpg"));
        assertEquals(List.of(new Flushed(media.resolve("a.jpg"), false, "a"), new Flushed(media, true, "a")), flushed);
    }

    @Test
    void theRealDiskFlushesWhatWasWritten() throws IOException {
        Path file = Files.writeString(dir.resolve("export.json"), "{}");
        DurableFiles.flush(file);
        DurableFiles.flush(dir);
        assertThrows(NoSuchFileException.class, () -> DurableFiles.flush(dir.resolve("missing.json")));
    }

    @Test
    void aTargetInAMissingDirectoryIsAnError() {
        assertThrows(NoSuchFileException.class, () -> DurableFiles.write(dir.resolve("none/c.txt"), utf8("x")));
    }
}
