package org.lede.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `lede export`, `lede import lede`, `lede backup` and `lede restore` on SQLite data directories. */
class TransferCommandTest {
    @TempDir
    Path dir;

    private Path newsroom() throws Exception {
        Path data = dir.resolve("data");
        Cli user = Cli.run(
                "user",
                "add",
                "--email",
                "ed@example.org",
                "--role",
                "editor",
                "--name",
                "Ed",
                "--data-dir",
                data.toString());
        assertEquals(0, user.code(), user.err());
        Path text = dir.resolve("story.txt");
        Files.writeString(text, "Trams run late\n\nThe council voted on Tuesday to extend the tram line.\n");
        Cli imported = Cli.run("import", "text", text.toString(), "--data-dir", data.toString());
        assertEquals(0, imported.code(), imported.err());
        return data;
    }

    @Test
    void exportThenImportLedeGivesTheSameExportAndRefusesAFullDatabase() throws Exception {
        Path data = newsroom();
        Path first = dir.resolve("first.json");
        Cli exported = Cli.run("export", first.toString(), "--data-dir", data.toString());
        assertEquals(0, exported.code(), exported.err());
        assertTrue(exported.out().contains("exported " + first), exported.out());
        String json = Files.readString(first);
        assertTrue(
                json.startsWith("{\"$schema\":\"https://lede.example/api/schema/export.json\","
                        + "\"format\":\"lede-export\",\"version\":1,"),
                json);
        assertTrue(json.contains("ed@example.org") && json.contains("Trams run late"), json);
        assertTrue(!json.contains("password_hash") && !json.contains("$argon2"), "no password hashes");

        Path other = dir.resolve("other");
        Cli read = Cli.run("import", "lede", first.toString(), "--data-dir", other.toString());
        assertEquals(0, read.code(), read.err());
        Path second = dir.resolve("second.json");
        assertEquals(
                0,
                Cli.run("export", second.toString(), "--data-dir", other.toString())
                        .code());
        assertEquals(json, Files.readString(second));

        Cli again = Cli.run("import", "lede", first.toString(), "--data-dir", other.toString());
        again.assertOneLineError("already holds a newsroom");
    }

    @Test
    void badFilesAreRefusedInOneLine() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\":\"lede-export\",\n \"version\": 1, \"tables\": {\"users\": [ { ] }}");
        Cli malformed = Cli.run(
                "import", "lede", bad.toString(), "--data-dir", dir.resolve("a").toString());
        malformed.assertOneLineError("malformed JSON at line 2, column");
        Files.writeString(bad, "{\"format\":\"lede-export\",\"version\":2,\"tables\":{}}");
        Cli version = Cli.run(
                "import", "lede", bad.toString(), "--data-dir", dir.resolve("b").toString());
        version.assertOneLineError("reads version 1");
    }

    @Test
    void backupRestoresIntoAnEmptyDataDirectoryOnly() throws Exception {
        Path data = newsroom();
        Path backup = dir.resolve("backup.db");
        Cli backedUp = Cli.run("backup", backup.toString(), "--data-dir", data.toString());
        assertEquals(0, backedUp.code(), backedUp.err());

        Cli refused = Cli.run("restore", backup.toString(), "--data-dir", data.toString());
        refused.assertOneLineError("is not empty");

        Path restored = dir.resolve("restored");
        Cli restore = Cli.run("restore", backup.toString(), "--data-dir", restored.toString());
        assertEquals(0, restore.code(), restore.err());
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        assertEquals(
                0,
                Cli.run("export", a.toString(), "--data-dir", data.toString()).code());
        assertEquals(
                0,
                Cli.run("export", b.toString(), "--data-dir", restored.toString())
                        .code());
        assertEquals(Files.readString(a), Files.readString(b), "the restored newsroom exports as the original");
        assertTrue(Files.readString(b).contains("Trams run late"));
    }

    @Test
    void restoreAlsoTakesAnExport() throws Exception {
        Path data = newsroom();
        Path export = dir.resolve("newsroom.json");
        assertEquals(
                0,
                Cli.run("export", export.toString(), "--data-dir", data.toString())
                        .code());
        Path restored = dir.resolve("from-export");
        Cli restore = Cli.run("restore", export.toString(), "--data-dir", restored.toString());
        assertEquals(0, restore.code(), restore.err());
        assertTrue(restore.out().startsWith("restored " + export), restore.out());
        Path again = dir.resolve("again.json");
        assertEquals(
                0,
                Cli.run("export", again.toString(), "--data-dir", restored.toString())
                        .code());
        assertEquals(Files.readString(export), Files.readString(again));
    }
}
