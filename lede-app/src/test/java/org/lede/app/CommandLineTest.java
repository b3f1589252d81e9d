package org.lede.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lede.Services;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.db.Database;
import org.lede.db.DatabaseUrl;
import org.lede.story.StoryDraft;

class CommandLineTest {
    @TempDir
    Path dir;

    @Test
    void helpListsTheCommands() {
        Cli result = Cli.run("--help");
        assertEquals(0, result.code());
        assertTrue(result.out().contains("serve"));
        assertTrue(result.out().contains("import"));
        assertTrue(result.out().contains("LEDE_DATABASE_URL"));
    }

    @Test
    void helpOnOneCommandAndAMistypedCommandStillKnowEveryCommand() {
        Cli help = Cli.run("help", "reindex");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Usage: lede reindex"), help.out());
        Cli typo = Cli.run("servve");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("Did you mean: lede serve"), typo.err());
        Cli one = Cli.run("serve", "--help");
        assertEquals(0, one.code());
        assertTrue(one.out().contains("Usage: lede serve"), one.out());
    }

    @Test
    void unwritableDataDirectoryFailsWithOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        Cli.run("serve", "--port", "0", "--data-dir", file.resolve("data").toString())
                .assertOneLineError("cannot use the data directory");
    }

    @Test
    void malformedDatabaseUrlFailsWithOneLine() {
        Cli.run("serve", "--port", "0", "--data-dir", dir.toString(), "--database-url", "postgres://nowhere")
                .assertOneLineError("The database URL \"postgres://nowhere\" is not usable");
        Cli.run("serve", "--port", "0", "--data-dir", dir.toString(), "--database-url", "jdbc:postgresql://")
                .assertOneLineError("needs a host and a database name");
    }

    @Test
    void unusableCdnPurgeSettingsFailWithOneLine() {
        Cli.run("serve", "--port", "0", "--data-dir", dir.toString(), "--cdn-purge-url", "https://cdn.example/purge")
                .assertOneLineError("must contain {key}");
        Cli.run(
                        "serve",
                        "--port",
                        "0",
                        "--data-dir",
                        dir.toString(),
                        "--cdn-purge-url",
                        "https://cdn.example/{key}",
                        "--cdn-purge-header",
                        "a token")
                .assertOneLineError("'Name: value'");
        Cli.run("serve", "--port", "0", "--data-dir", dir.toString(), "--cdn-purge-header", "Fastly-Key: x")
                .assertOneLineError("--cdn-purge-header needs --cdn-purge-url");
    }

    @Test
    void anUnusableTrustedProxyFailsWithOneLineBeforeTheDatabaseIsTouched() {
        Cli.run("serve", "--port", "0", "--data-dir", dir.toString(), "--trusted-proxy", "10.0.0.0/8,proxy.internal")
                .assertOneLineError("--trusted-proxy: a trusted proxy is an IP address or a CIDR block");
        Cli.run("serve", "--port", "0", "--data-dir", dir.toString(), "--trusted-proxy", "10.0.0.0/33")
                .assertOneLineError("must be from 0 to 32");
        assertFalse(Files.exists(dir.resolve("lede.db")), "no database was made");
    }

    @Test
    void aContentApiKeyThatCannotBeSentAsABearerTokenFailsWithOneLine() {
        Cli.run("serve", "--port", "0", "--data-dir", dir.toString(), "--content-api-key", "two words")
                .assertOneLineError("--content-api-key takes letters, digits");
        assertFalse(Files.exists(dir.resolve("lede.db")), "no database was made");
    }

    @Test
    void unreachableDatabaseFailsWithOneLineAndHidesThePassword() {
        Cli result = Cli.run(
                "serve",
                "--port",
                "0",
                "--data-dir",
                dir.toString(),
                "--database-url",
                "jdbc:postgresql://127.0.0.1:1/lede?user=lede&password=secret&connectTimeout=2");
        result.assertOneLineError("Cannot connect to the database");
        assertFalse(result.err().contains("secret"), result.err());
    }

    @Test
    void aPasswordInTheUserInfoPartIsNeverPrinted() {
        for (String url : new String[] {
            "jdbc:postgresql://lede:hunter2secret@127.0.0.1:1/lede?connectTimeout=2",
            // Not a URL the driver can read: it says so, repeating what it was given.
            "jdbc:postgresql://lede:hunter2secret@/lede"
        }) {
            Cli result = Cli.run("serve", "--port", "0", "--data-dir", dir.toString(), "--database-url", url);
            assertEquals(StartupErrors.USER_ERROR, result.code(), result.err());
            assertEquals(1, result.err().strip().lines().count(), result.err());
            assertFalse(result.err().contains("hunter2"), result.err());
            assertFalse(result.out().contains("hunter2"), result.out());
        }
    }

    @Test
    void aPortInUseFailsWithOneLineBeforeTheDatabaseIsTouched() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path data = dir.resolve("fresh");
            Cli result = Cli.run(
                    "serve",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    String.valueOf(taken.getLocalPort()),
                    "--data-dir",
                    data.toString());
            result.assertOneLineError("cannot listen on 127.0.0.1:" + taken.getLocalPort());
            assertFalse(Files.exists(data.resolve("lede.db")), "no database was created");
        }
    }

    @Test
    void importTextMakesADraftAndPrintsTheStructureFound() throws Exception {
        Path file = dir.resolve("story.txt");
        Files.writeString(file, """
                A ferry leaves the pier at dawn. Photo: Ines Vidal/Harbor Light via Lede

                The harbor board voted on Thursday to add a night ferry between the two piers.

                Why it matters: Shift workers on the east side have had no way home after 11 p.m.

                The plan has three parts:

                  • A boat every 40 minutes until 2 a.m.
                  • A fare of $2, the same as the day service.
                  • A review of ridership after six months.

                The bottom line: The first night boat sails in March.

                Ines Vidal is a photographer and writer based in Port Averill.
                """, StandardCharsets.UTF_8);
        Cli result = Cli.run(
                "import",
                "text",
                file.toString(),
                "--data-dir",
                dir.resolve("data").toString());
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("id: "), result.out());
        assertTrue(
                result.out()
                        .contains(
                                "slug: the-harbor-board-voted-on-thursday-to-add-a-night-ferry-between-the-two-piers"),
                result.out());
        assertTrue(result.out().contains("Why it matters"), result.out());
        assertTrue(result.out().contains("3 items"), result.out());
        String id = result.out()
                .lines()
                .filter(l -> l.startsWith("id: "))
                .findFirst()
                .orElseThrow()
                .substring(4);
        try (Database db = Database.open(DatabaseUrl.sqliteIn(dir.resolve("data")))) {
            StoryDraft saved = Services.create(db, dir.resolve("data/media"), Clock.systemUTC())
                    .stories()
                    .find(id)
                    .orElseThrow()
                    .draft();
            assertEquals(
                    ImageBlock.awaitingImage(
                            "A ferry leaves the pier at dawn.", Credit.photo("Ines Vidal", "Harbor Light via Lede")),
                    saved.hero(),
                    "the caption and credit it reports are saved");
            assertEquals("Ines Vidal is a photographer and writer based in Port Averill.", saved.contributorNote());
        }
    }

    @Test
    void importTextProposesAHeadlineWithoutAnEllipsis() throws Exception {
        Path file = Files.writeString(
                dir.resolve("long.txt"),
                "The harbor board, after a long night of public comment from"
                        + " shift workers, ferry crews, business owners and neighbors on both sides of the water, voted to add"
                        + " a night ferry. More follows.\n");
        Cli result = Cli.run(
                "import",
                "text",
                file.toString(),
                "--data-dir",
                dir.resolve("data").toString());
        assertEquals(0, result.code(), result.err());
        assertTrue(
                result.out()
                        .contains("headline: The harbor board, after a long night of public comment from shift workers,"
                                + " ferry crews, business owners and neighbors on (from the lede"),
                result.out());
    }

    static final String WXR = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
            <channel><title>Pier News</title><wp:wxr_version>1.2</wp:wxr_version>
            <wp:author><wp:author_login>ines</wp:author_login><wp:author_display_name>Ines Vidal</wp:author_display_name></wp:author>
            <item><title>Night ferry approved</title><link>https://pier.example/2025/01/night-ferry/</link>
              <dc:creator>ines</dc:creator><guid isPermaLink="false">https://pier.example/?p=7</guid>
              <content:encoded><![CDATA[<p>The harbor board voted for a night ferry.</p>]]></content:encoded>
              <wp:post_id>7</wp:post_id><wp:post_date_gmt>2025-01-09 17:00:00</wp:post_date_gmt>
              <wp:post_name>night-ferry</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
              <category domain="category" nicename="harbor">Harbor</category>
              <wp:comment><wp:comment_id>1</wp:comment_id></wp:comment></item>
            <item><title>Contact</title><guid isPermaLink="false">https://pier.example/?page_id=2</guid>
              <wp:post_id>2</wp:post_id><wp:status>publish</wp:status><wp:post_type>page</wp:post_type></item>
            </channel></rss>
            """;

    @Test
    void importWxrImportsOnceAndWritesAReport() throws Exception {
        Path file = Files.writeString(dir.resolve("export.xml"), WXR, StandardCharsets.UTF_8);
        String data = dir.resolve("data").toString();

        Cli dry = Cli.run("import", "wxr", file.toString(), "--dry-run", "--data-dir", data);
        assertEquals(0, dry.code(), dry.err());
        assertEquals(
                "dry run, nothing written: 2 created, 0 updated, 0 skipped, 0 failed; 1 comments ignored",
                dry.out().strip());
        assertEquals("", dry.err(), "no progress bar when not on a terminal");

        Path report = dir.resolve("report.tsv");
        Cli first = Cli.run("import", "wxr", file.toString(), "--report", report.toString(), "--data-dir", data);
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().startsWith("2 created, 0 updated, 0 skipped, 0 failed"), first.out());
        String lines = Files.readString(report);
        assertTrue(lines.contains("created\thttps://pier.example/?p=7\tNight ferry approved\t"), lines);
        assertTrue(lines.contains("created\thttps://pier.example/?page_id=2\tContact\t"), lines);
        try (Database db = Database.open(DatabaseUrl.sqliteIn(dir.resolve("data")))) {
            var story = Services.create(db, dir.resolve("data/media"), Clock.systemUTC())
                    .stories()
                    .findBySlug("night-ferry")
                    .orElseThrow();
            assertEquals("published", story.status().key());
            assertEquals(java.time.Instant.parse("2025-01-09T17:00:00Z"), story.firstPublishedAt());
        }

        Cli again = Cli.run("import", "wxr", file.toString(), "--data-dir", data);
        assertTrue(again.out().startsWith("0 created, 0 updated, 2 skipped, 0 failed"), again.out());
    }

    @Test
    void importWxrNamesWhereTheXmlBreaks() throws Exception {
        Path file = Files.writeString(
                dir.resolve("broken.xml"), WXR.replace("</wp:post_name>", "</wp:post_nam>"), StandardCharsets.UTF_8);
        Cli.run(
                        "import",
                        "wxr",
                        file.toString(),
                        "--data-dir",
                        dir.resolve("data").toString())
                .assertOneLineError("broken.xml:10:");
        Cli unknown = Cli.run(
                "import",
                "wxr",
                file.toString(),
                "--on-error",
                "later",
                "--data-dir",
                dir.resolve("data").toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("expected skip or stop"), unknown.err());
    }

    @Test
    void importTextRefusesAnUnknownTopicAndNonUtf8Files() throws Exception {
        Path file = Files.writeString(dir.resolve("story.txt"), "A lede that stands alone.\n");
        Cli.run(
                        "import",
                        "text",
                        file.toString(),
                        "--topic",
                        "sports",
                        "--data-dir",
                        dir.resolve("data").toString())
                .assertOneLineError("there is no topic \"sports\"");
        Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
        Cli.run(
                        "import",
                        "text",
                        latin1.toString(),
                        "--data-dir",
                        dir.resolve("data").toString())
                .assertOneLineError("is not UTF-8 text");
        Cli.run(
                        "import",
                        "text",
                        dir.resolve("missing.txt").toString(),
                        "--data-dir",
                        dir.resolve("data").toString())
                .assertOneLineError("no such file");
    }
}
