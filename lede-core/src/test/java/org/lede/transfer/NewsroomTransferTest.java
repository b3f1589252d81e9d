package org.lede.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lede.Services;
import org.lede.common.ConflictException;
import org.lede.common.ValidationException;
import org.lede.db.Dialect;
import org.lede.demo.DemoAccounts;
import org.lede.demo.DemoContent;
import org.lede.testing.Newsroom;
import org.lede.testing.NewsroomTest;
import org.lede.transfer.store.JdbiTransferStore;

/** The demo newsroom out and back in, on either database and across them, compared field by field. */
class NewsroomTransferTest extends NewsroomTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static NewsroomTransfer transfer(Services s) {
        return s.transfer();
    }

    private Path exportDemo() {
        Services s = newsroom.services;
        new DemoContent(s, dir.resolve("media")).load();
        new DemoAccounts(s.userService()).ensure();
        // What an import from another system leaves: the old address and the source it came from.
        String story = s.stories().latestPublished(1, 0).getFirst().id();
        s.db().inTransaction(() -> {
            s.imports().redirect("/2019/05/old-permalink/", story, newsroom.clock.instant());
            s.imports().remember("wxr-post", "https://old.example/?p=7", story, newsroom.clock.instant());
            return null;
        });
        Path first = dir.resolve("out/first.json");
        transfer(s).exportTo(mkdirs(first));
        return first;
    }

    @Test
    void theDemoComesBackIdenticalOnEitherDatabase() throws IOException {
        Path first = exportDemo();
        JsonNode exported = JSON.readTree(first.toFile());
        assertEquals("lede-export", exported.get("format").asText());
        assertEquals(14, exported.at("/tables/stories").size());
        assertTrue(exported.at("/tables/story_revisions").size() >= 14);
        assertTrue(exported.at("/tables/story_blocks/0/data").isObject(), "blocks nest as the story document");
        assertEquals(
                exported.at("/tables/story_blocks/0/type").asText(),
                exported.at("/tables/story_blocks/0/data/type").asText(),
                "a block is whole, with its type, as story.json's Block");
        assertFalse(exported.at("/tables/site_pages").isEmpty());
        assertFalse(exported.at("/tables/users").isEmpty());
        assertFalse(Files.readString(first).contains("password_hash"), "no password hashes leave");
        assertFalse(Files.readString(first).contains("$argon2"), "no password hashes leave");
        assertFalse(exported.at("/tables/media").isEmpty());
        assertEquals(
                "/2019/05/old-permalink/",
                exported.at("/tables/redirects/0/path").asText());
        assertEquals(1, exported.at("/tables/import_sources").size(), "a re-run of that import still changes nothing");

        for (Dialect target : Dialect.values()) {
            Path targetDir = dir.resolve("into-" + target.folder());
            try (Newsroom other =
                    new Newsroom(target, mkdirs(targetDir.resolve("x")).getParent())) {
                NewsroomTransfer.Summary read = transfer(other.services).importFrom(first);
                assertEquals(exported.at("/tables/media").size(), read.mediaFiles());
                assertEquals(List.of(), read.missingMedia());
                Path second = mkdirs(targetDir.resolve("out/second.json"));
                transfer(other.services).exportTo(second);
                assertEquals(
                        exported,
                        JSON.readTree(second.toFile()),
                        dialect + " to " + target + ": the second export equals the first");
                assertEquals(Files.readString(first), Files.readString(second), "byte for byte");
                assertEquals(files(NewsroomTransfer.mediaBeside(first)), files(NewsroomTransfer.mediaBeside(second)));
                assertEquals(
                        newsroom.services.stories().count(),
                        other.services.stories().count(),
                        "the stores read what was imported");
            }
        }
    }

    @Test
    void refusesANonEmptyDatabaseAndWritesNothing() {
        Path first = exportDemo();
        long stories = newsroom.services.stories().count();
        ConflictException refused = assertThrows(
                ConflictException.class, () -> transfer(newsroom.services).importFrom(first));
        assertTrue(refused.getMessage().contains("already holds a newsroom"), refused.getMessage());
        assertEquals(stories, newsroom.services.stories().count());
    }

    @Test
    void anUnknownVersionSaysWhichAreRead() throws IOException {
        Path file = mkdirs(dir.resolve("v9.json"));
        Files.writeString(file, "{\"format\":\"lede-export\",\"version\":9,\"tables\":{}}");
        ValidationException e = assertThrows(
                ValidationException.class, () -> transfer(newsroom.services).importFrom(file));
        assertTrue(e.getMessage().contains("version 9"), e.getMessage());
        assertTrue(e.getMessage().contains("reads version 1"), e.getMessage());
    }

    @Test
    void malformedJsonNamesLineAndColumnAndLeavesNothingHalfWritten() throws IOException {
        Path first = exportDemo();
        String text = Files.readString(first);
        // Break the document after the users, media, topics and authors: they must not stay behind.
        int cut = text.indexOf("\"stories\":[") + "\"stories\":[".length();
        Path broken = dir.resolve("out/broken.json");
        Files.writeString(broken, text.substring(0, cut) + "\n{\"id\": oops}" + text.substring(cut));
        try (Newsroom fresh =
                new Newsroom(dialect, mkdirs(dir.resolve("fresh/x")).getParent())) {
            ValidationException e = assertThrows(
                    ValidationException.class, () -> transfer(fresh.services).importFrom(broken));
            assertTrue(e.getMessage().contains("line 2, column"), e.getMessage());
            assertEquals(0, fresh.services.topics().all().size(), "the topics read before the error rolled back");
            assertEquals(List.of(), new JdbiTransferStore(fresh.services.db()).occupiedTables());
        }
    }

    private static Path mkdirs(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    private static List<String> files(Path mediaDir) throws IOException {
        try (Stream<Path> files = Files.list(mediaDir)) {
            return files.map(f -> {
                        try {
                            return f.getFileName() + ":"
                                    + new String(
                                            java.util.Base64.getEncoder()
                                                    .encode(java.security.MessageDigest.getInstance("SHA-256")
                                                            .digest(Files.readAllBytes(f))),
                                            StandardCharsets.US_ASCII);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .sorted()
                    .toList();
        }
    }
}
