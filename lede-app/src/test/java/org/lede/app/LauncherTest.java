package org.lede.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code lede} script's choice of JVM options, per command and per JDK, read from what it
 * hands to a stand-in {@code java} that prints its arguments. The script and its {@code
 * bin/find-java} are copies of the repository's, run beside a built jar so nothing is built.
 */
class LauncherTest {
    @TempDir
    Path dir;

    private List<String> launch(String javaVersion, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path copy = Files.createDirectories(dir.resolve("lede-" + javaVersion));
        Files.createDirectories(copy.resolve("bin"));
        Files.copy(
                root.resolve("lede"),
                copy.resolve("lede"),
                StandardCopyOption.COPY_ATTRIBUTES,
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(
                root.resolve("bin/find-java"),
                copy.resolve("bin/find-java"),
                StandardCopyOption.COPY_ATTRIBUTES,
                StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(copy.resolve("lede-app/target"));
        Files.writeString(copy.resolve("lede-app/target/lede.jar"), "");

        Path jdk = Files.createDirectories(dir.resolve("jdk-" + javaVersion + "/bin"))
                .getParent();
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"" + javaVersion + "\"\n");
        Path printer = jdk.resolve("bin/java");
        Files.writeString(printer, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(printer, PosixFilePermissions.fromString("rwxr-xr-x"));

        List<String> command =
                new ArrayList<>(List.of("bash", copy.resolve("lede").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", jdk.toString());
        builder.environment().remove("LEDE_JAVA_OPTS");
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        return out.lines().toList();
    }

    @Test
    void theServerGetsItsMemoryCeilingAndTheVectorModuleOnAnyJdk() throws Exception {
        List<String> options = launch("21.0.5", Map.of(), "serve", "--port", "0");
        assertTrue(options.contains("-Xmx160m"), options.toString());
        assertTrue(options.contains("--add-modules=jdk.incubator.vector"), options.toString());
        assertFalse(options.contains("-XX:+UseCompactObjectHeaders"), "JDK 21 to 24 refuse the option: " + options);
        assertEquals(List.of("serve", "--port", "0"), options.subList(options.size() - 3, options.size()));
    }

    @Test
    void theServerTrimsItsNativeHeapOnEveryJdkThatCan() throws Exception {
        assertTrue(launch("21.0.5", Map.of(), "serve").contains("-XX:TrimNativeHeapInterval=5000"));
        assertTrue(launch("25.0.1", Map.of(), "serve").contains("-XX:TrimNativeHeapInterval=5000"));
        assertFalse(
                launch("21", Map.of(), "serve").contains("-XX:TrimNativeHeapInterval=5000"),
                "21 GA has no such option");
        assertFalse(launch("25.0.1", Map.of(), "user", "list").contains("-XX:TrimNativeHeapInterval=5000"));
    }

    @Test
    void compactObjectHeadersComeWithJdk25AndLater() throws Exception {
        assertTrue(launch("25.0.1", Map.of(), "serve").contains("-XX:+UseCompactObjectHeaders"));
        assertTrue(launch("26", Map.of(), "serve").contains("-XX:+UseCompactObjectHeaders"));
        assertFalse(launch("24.0.2", Map.of(), "serve").contains("-XX:+UseCompactObjectHeaders"));
    }

    @Test
    void buildingAnArchiveKeepsTheJvmDefaultsAndReindexReadsWithVectors() throws Exception {
        List<String> demo = launch("25.0.1", Map.of(), "demo", "--stories", "10");
        assertFalse(demo.contains("-Xmx160m"), demo.toString());
        assertFalse(demo.contains("--add-modules=jdk.incubator.vector"), demo.toString());
        List<String> reindex = launch("25.0.1", Map.of(), "reindex");
        assertFalse(reindex.contains("-Xmx160m"), reindex.toString());
        assertTrue(reindex.contains("--add-modules=jdk.incubator.vector"), reindex.toString());
        List<String> goDeeper = launch("25.0.1", Map.of(), "go-deeper");
        assertFalse(goDeeper.contains("-Xmx160m"), goDeeper.toString());
        assertTrue(goDeeper.contains("--add-modules=jdk.incubator.vector"), goDeeper.toString());
    }

    @Test
    void ledeJavaOptsComeAfterTheLaunchersOwnSoTheyWin() throws Exception {
        List<String> options = launch("21.0.5", Map.of("LEDE_JAVA_OPTS", "-Xmx1g -Dx=y"), "serve");
        assertTrue(options.indexOf("-Xmx1g") > options.indexOf("-Xmx160m"), options.toString());
        assertTrue(options.contains("-Dx=y"), options.toString());
    }

    @Test
    void aClassDataArchiveOlderThanTheJarIsRemovedSoTheJvmRecordsANewOne() throws Exception {
        Path target = Files.createDirectories(dir.resolve("lede-25.0.1/lede-app/target"));
        Path stale = Files.writeString(target.resolve("cds-serve.jsa"), "old");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Path fresh = Files.writeString(target.resolve("cds-user.jsa"), "new");
        Files.setLastModifiedTime(fresh, FileTime.from(Instant.now().plus(Duration.ofHours(1))));

        assertTrue(launch("25.0.1", Map.of(), "serve").contains("-XX:SharedArchiveFile=" + stale));
        assertFalse(Files.exists(stale), "an archive of an older jar is removed");
        launch("25.0.1", Map.of(), "user", "list");
        assertTrue(Files.exists(fresh), "an archive of this jar is kept");
    }
}
