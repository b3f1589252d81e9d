package org.lede.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDatabasesTest {
    @TempDir
    Path tmp;

    @Test
    void sweepsTheClustersOfJvmsThatAreGoneAndKeepsTheLiveOnes() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path dead = cluster("dead", Long.toString(gone.pid()));
        Path mine = cluster("mine", Long.toString(ProcessHandle.current().pid()));
        Path garbled = cluster("garbled", "not a pid");
        Path starting = cluster("starting", null);
        Path legacy = cluster("legacy", null);
        Files.setLastModifiedTime(legacy, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path unrelated = Files.createDirectory(tmp.resolve("other-dir"));

        TestDatabases.sweepAbandoned(tmp);

        assertFalse(Files.exists(dead));
        assertFalse(Files.exists(garbled));
        assertFalse(Files.exists(legacy));
        assertTrue(Files.isDirectory(mine));
        assertTrue(Files.exists(mine.resolve("data/base/1")));
        assertTrue(Files.isDirectory(starting));
        assertTrue(Files.isDirectory(unrelated));
    }

    @Test
    void aStoppedServersDirectoryIsDeletedOutsideTheSweepsWay() throws Exception {
        Path dir = cluster("stopped", Long.toString(ProcessHandle.current().pid()));

        TestDatabases.removeLater(dir);

        assertFalse(Files.exists(dir), "renamed at once, out of the sweep's prefix");
        Path going = tmp.resolve(TestDatabases.GOING + dir.getFileName());
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Files.exists(going) && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertFalse(Files.exists(going), "and deleted by a process of its own");
    }

    private Path cluster(String name, String owner) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve(TestDatabases.PREFIX + name));
        Files.createDirectories(dir.resolve("data/base"));
        Files.writeString(dir.resolve("data/base/1"), "pages");
        if (owner != null) {
            Files.writeString(dir.resolve("owner.pid"), owner);
        }
        return dir;
    }
}
