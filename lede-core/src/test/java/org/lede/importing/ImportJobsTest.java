package org.lede.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lede.common.ConflictException;
import org.lede.common.ForbiddenException;
import org.lede.common.ValidationException;
import org.lede.importing.ImportJobs.Job;
import org.lede.importing.ImportJobs.State;
import org.lede.importing.Importer.ItemReport;
import org.lede.importing.Importer.OnError;
import org.lede.importing.Importer.Options;
import org.lede.importing.Importer.Outcome;
import org.lede.importing.Importer.Summary;
import org.lede.user.Actor;
import org.lede.user.Role;

/** The jobs themselves, with runners of the test's own: no storage is involved. */
class ImportJobsTest {
    private static final Actor ADMIN = new Actor("admin", Role.ADMIN);
    private static final Options OPTIONS = new Options("wxr", null, false, OnError.SKIP);

    @TempDir
    Path dir;

    @Test
    void memoryKeepsTheLastLinesAndTheFileKeepsThemAll() throws Exception {
        int items = ImportJobs.LINES_KEPT + 5;
        ImportJobs jobs = new ImportJobs(
                Map.of("many", (file, options, listener) -> {
                    for (int i = 0; i < items; i++) {
                        listener.item(new ItemReport(
                                "id-" + i,
                                "Item " + i,
                                SourceItem.Type.STORY,
                                i % 2 == 0 ? Outcome.CREATED : Outcome.SKIPPED,
                                null,
                                List.of()));
                        listener.progress(i);
                    }
                    return new Summary(items / 2 + 1, 0, items / 2, 0, 0, List.of());
                }),
                dir.resolve("work"),
                Clock.systemUTC());
        Job job = ended(
                jobs,
                jobs.start(ADMIN, "many", upload("x"), "many.xml", OPTIONS).id());

        assertEquals(State.DONE, job.state());
        assertEquals(ImportJobs.LINES_KEPT, job.lines().size());
        assertEquals(5, job.linesDropped());
        assertEquals("id-5", job.lines().getFirst().sourceId(), "the oldest lines go first");
        assertEquals(items, job.itemsDone());
        assertEquals(100, job.percent());
        List<String> report = Files.readAllLines(jobs.reportFile(ADMIN, job.id()));
        assertEquals(items, report.size());
        assertTrue(report.getFirst().startsWith("created\tid-0\tItem 0\t-"), report.getFirst());
        assertFalse(Files.exists(dir.resolve("work").resolve(job.id())), "the upload goes when the job ends");
    }

    @Test
    void oneAtATimeAndOnlyForAdmins() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ImportJobs jobs = new ImportJobs(
                Map.of("held", (file, options, listener) -> {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new Summary(0, 0, 0, 0, 0, List.of());
                }),
                dir.resolve("work"),
                Clock.systemUTC());
        assertThrows(
                ForbiddenException.class,
                () -> jobs.start(new Actor("ed", Role.EDITOR), "held", upload("a"), "a.xml", OPTIONS));
        assertThrows(ValidationException.class, () -> jobs.start(ADMIN, "ghost", upload("b"), "b.json", OPTIONS));

        String first =
                jobs.start(ADMIN, "held", upload("c"), "first.xml", OPTIONS).id();
        ConflictException busy =
                assertThrows(ConflictException.class, () -> jobs.start(ADMIN, "held", upload("d"), "d.xml", OPTIONS));
        assertTrue(busy.getMessage().contains("first.xml"), busy.getMessage());
        assertThrows(ConflictException.class, () -> jobs.checkMayStart(ADMIN));
        release.countDown();
        ended(jobs, first);
        jobs.checkMayStart(ADMIN);
    }

    @Test
    void aRefusalOfTheImporterEndsTheJobWithItsMessage() throws Exception {
        ImportJobs jobs = new ImportJobs(
                Map.of("bad", (file, options, listener) -> {
                    throw new ImportFormatException(file.getFileName() + ":3:7: not well-formed XML");
                }),
                dir.resolve("work"),
                Clock.systemUTC());
        Job job = ended(
                jobs,
                jobs.start(ADMIN, "bad", upload("<"), "broken.xml", OPTIONS).id());
        assertEquals(State.FAILED, job.state());
        assertEquals("broken.xml:3:7: not well-formed XML", job.error());
    }

    private Path upload(String text) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "upload", ".tmp"), text);
    }

    private static Job ended(ImportJobs jobs, String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (jobs.job(ADMIN, id).state() == State.RUNNING) {
            assertTrue(System.nanoTime() < deadline, "the job ends");
            Thread.sleep(10);
        }
        return jobs.job(ADMIN, id);
    }
}
