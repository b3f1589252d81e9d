package org.lede.media.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.lede.common.DurableFiles;
import org.lede.media.BlobStore;

/** Blobs as files in one directory, each written whole and flushed to the disk ({@link DurableFiles}). */
public final class DiskBlobStore implements BlobStore {
    private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,127}");
    private final Path root;

    public DiskBlobStore(Path root) {
        this.root = root;
    }

    @Override
    public void put(String key, byte[] bytes) {
        Path target = path(key);
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.createDirectories(root);
            // Flushed before the media's row is written, which would otherwise name a file a
            // power cut can take back.
            DurableFiles.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write media file " + target, e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(path(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read media file " + key, e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.exists(path(key));
    }

    @Override
    public void deleteStartingWith(String prefix) {
        if (!KEY.matcher(prefix).matches() || !Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> matches =
                Files.newDirectoryStream(root, f -> f.getFileName().toString().startsWith(prefix))) {
            for (Path file : matches) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the media files of " + prefix, e);
        }
    }

    private Path path(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a blob key: " + key);
        }
        return root.resolve(key);
    }
}
