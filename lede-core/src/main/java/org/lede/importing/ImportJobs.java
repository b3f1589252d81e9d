package org.lede.importing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.lede.common.ConflictException;
import org.lede.common.ForbiddenException;
import org.lede.common.Ids;
import org.lede.common.LedeException;
import org.lede.common.NotFoundException;
import org.lede.common.ValidationException;
import org.lede.importing.Importer.ItemReport;
import org.lede.importing.Importer.Listener;
import org.lede.importing.Importer.Options;
import org.lede.importing.Importer.Summary;
import org.lede.user.Actor;
import org.lede.user.Role;

/**
 * Imports started from the newsroom: one file at a time per site, run on a virtual thread while
 * the page that started it follows its progress. Each format is a {@link Runner} registered by
 * name, so the page knows nothing of WordPress, RSS or Ghost. A job keeps its progress, then its
 * summary and the last {@link #LINES_KEPT} lines of its report in memory; the whole report goes to
 * a file under the work directory, to be downloaded. Jobs live as long as the server: the stories
 * they made are in the database, and a restart forgets only the pages about them.
 */
public final class ImportJobs {
    /** Report lines a job keeps in memory; the file has them all. */
    public static final int LINES_KEPT = 10_000;
    /** Jobs whose pages stay; their report files stay on disk. */
    static final int JOBS_KEPT = 20;

    /** Reads one format's file into the newsroom, telling {@code listener} of each item and of progress. */
    public interface Runner {
        Summary run(Path file, Options options, Listener listener);
    }

    public enum State {
        RUNNING,
        DONE,
        FAILED
    }

    /**
     * What a page shows of a job at one moment.
     *
     * @param bytesRead how much of the file the reader has passed, of {@code size}
     * @param summary the importer's own summary once it is done, else null
     * @param error why the import stopped, for a failed one (a malformed file names line and column)
     * @param lines the report's last lines, oldest first; {@code linesDropped} came before them
     */
    public record Job(
            String id,
            String format,
            String fileName,
            boolean dryRun,
            Instant startedAt,
            Instant endedAt,
            State state,
            long size,
            long bytesRead,
            int created,
            int updated,
            int skipped,
            int failed,
            Summary summary,
            String error,
            List<ItemReport> lines,
            long linesDropped) {
        public int itemsDone() {
            return created + updated + skipped + failed;
        }

        /** How far the reader is through the file, 0 to 100. */
        public int percent() {
            if (state != State.RUNNING || size <= 0) {
                return state == State.RUNNING ? 0 : 100;
            }
            return (int) Math.min(100, bytesRead * 100 / size);
        }
    }

    private final Map<String, Runner> runners;
    private final Path workDir;
    private final Clock clock;
    private final Ids ids;
    private final Map<String, Tracker> jobs = new ConcurrentHashMap<>();
    private final AtomicReference<Tracker> running = new AtomicReference<>();

    /**
     * @param runners each format's importer, by the name the form offers ("wxr", "rss", "ghost")
     * @param workDir where uploads wait for their job and reports are written
     */
    public ImportJobs(Map<String, Runner> runners, Path workDir, Clock clock) {
        this.runners = Collections.unmodifiableMap(new LinkedHashMap<>(runners));
        this.workDir = workDir;
        this.clock = clock;
        this.ids = new Ids(clock);
    }

    /** None: a server wired without importers offers none. */
    public static ImportJobs none(Clock clock) {
        return new ImportJobs(Map.of(), null, clock);
    }

    /** The formats a job may be started for, in the order they were registered. */
    public Set<String> formats() {
        return runners.keySet();
    }

    /**
     * Takes {@code upload} (which becomes the job's, and is deleted when it ends) and starts
     * importing it.
     *
     * @throws ForbiddenException for anyone but an admin
     * @throws ConflictException while another import runs on this site
     * @throws ValidationException for a format with no runner
     */
    public Job start(Actor actor, String format, Path upload, String fileName, Options options) {
        requireAdmin(actor);
        Runner runner = format == null ? null : runners.get(format);
        if (runner == null) {
            throw new ValidationException(
                    "format",
                    runners.isEmpty()
                            ? "This server has no importers set up."
                            : "Choose one of the formats offered: " + String.join(", ", runners.keySet()) + ".");
        }
        long size = size(upload);
        Tracker tracker = new Tracker(ids.next(), format, fileName, options.dryRun(), clock.instant(), size);
        if (!running.compareAndSet(null, tracker)) {
            Tracker other = running.get();
            throw other == null ? new ConflictException("An import was just starting; try again.") : busy(other);
        }
        Path file;
        try {
            // Under its own name, which the importer's messages use ("gazette.xml: not well-formed XML at line 3").
            Path folder = Files.createDirectories(workDir.resolve(tracker.id));
            file = Files.move(upload, folder.resolve(safeName(fileName)));
        } catch (IOException e) {
            running.set(null);
            throw new UncheckedIOException("Cannot keep the uploaded file", e);
        }
        forgetOldJobs();
        jobs.put(tracker.id, tracker);
        Thread.ofVirtual().name("import-" + tracker.id).start(() -> run(tracker, runner, file, options));
        return tracker.snapshot();
    }

    /**
     * @throws ForbiddenException for anyone but an admin
     * @throws NotFoundException for a job this server does not know
     */
    public Job job(Actor actor, String id) {
        requireAdmin(actor);
        return tracker(id).snapshot();
    }

    /**
     * The job's whole report so far, one item a line with its notes indented below it; it may not
     * exist yet in the first moment of a job.
     */
    public Path reportFile(Actor actor, String id) {
        requireAdmin(actor);
        return report(tracker(id).id);
    }

    /** The job running now, if any. */
    public Optional<Job> running(Actor actor) {
        requireAdmin(actor);
        return Optional.ofNullable(running.get()).map(Tracker::snapshot);
    }

    /**
     * Refuses as {@link #start} would, before an upload is received: a file of hundreds of
     * megabytes is not worth spooling for a request that cannot start.
     *
     * @throws ForbiddenException for anyone but an admin
     * @throws ConflictException while another import runs on this site
     */
    public void checkMayStart(Actor actor) {
        requireAdmin(actor);
        Tracker other = running.get();
        if (other != null) {
            throw busy(other);
        }
    }

    private static ConflictException busy(Tracker other) {
        return new ConflictException("An import is already running (" + other.fileName + ", started " + other.startedAt
                + "); wait for it to finish, then start this one.");
    }

    /** Pages about old jobs go, so memory holds at most {@link #JOBS_KEPT} reports' lines. */
    private void forgetOldJobs() {
        List<String> started = new ArrayList<>(jobs.keySet());
        // Ids are ULIDs: in the order the jobs started.
        Collections.sort(started);
        for (int i = 0; i <= started.size() - JOBS_KEPT; i++) {
            jobs.remove(started.get(i));
        }
    }

    private Tracker tracker(String id) {
        Tracker tracker = id == null ? null : jobs.get(id);
        if (tracker == null) {
            throw new NotFoundException("import", id);
        }
        return tracker;
    }

    private void run(Tracker tracker, Runner runner, Path file, Options options) {
        Summary summary = null;
        String error = null;
        try (BufferedWriter out = Files.newBufferedWriter(report(tracker.id), StandardCharsets.UTF_8)) {
            try {
                summary = runner.run(file, options, new Listener() {
                    @Override
                    public void item(ItemReport report) {
                        tracker.item(report);
                        report.writeTo(out);
                    }

                    @Override
                    public void progress(long position) {
                        tracker.progress(position);
                    }
                });
            } catch (LedeException e) {
                error = e.getMessage();
            } catch (RuntimeException e) {
                error = "The import stopped on an unexpected error: " + e;
            }
            if (error != null) {
                out.write("stopped\t" + error.replace('\n', ' '));
                out.newLine();
            }
        } catch (IOException | UncheckedIOException e) {
            error = "Cannot write the report: " + e.getMessage();
        } finally {
            try {
                Files.deleteIfExists(file);
                Files.deleteIfExists(file.getParent());
            } catch (IOException ignored) {
                // A leftover upload in the work directory harms nothing; the job's outcome stands.
            }
            // Free before the job reads as ended, so whoever saw it end may start the next at once.
            running.set(null);
            if (summary != null && error == null) {
                tracker.done(summary, clock.instant());
            } else {
                tracker.failed(error == null ? "The import stopped unexpectedly." : error, clock.instant());
            }
        }
    }

    private Path report(String id) {
        return workDir.resolve(id + ".report.txt");
    }

    private static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        name = name.replaceAll("^[._]+", "");
        return name.isEmpty() ? "upload" : name.substring(0, Math.min(name.length(), 100));
    }

    private static void requireAdmin(Actor actor) {
        if (actor.role() != Role.ADMIN) {
            throw new ForbiddenException("Only admins import into the newsroom.");
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded file", e);
        }
    }

    /** One job's changing state, read by pages while the import thread writes it. */
    private static final class Tracker {
        final String id;
        final String format;
        final String fileName;
        final boolean dryRun;
        final Instant startedAt;
        final long size;
        private final ArrayDeque<ItemReport> lines = new ArrayDeque<>();
        private long linesDropped;
        private long bytesRead;
        private int created;
        private int updated;
        private int skipped;
        private int failed;
        private State state = State.RUNNING;
        private Summary summary;
        private String error;
        private Instant endedAt;

        Tracker(String id, String format, String fileName, boolean dryRun, Instant startedAt, long size) {
            this.id = id;
            this.format = format;
            this.fileName = fileName;
            this.dryRun = dryRun;
            this.startedAt = startedAt;
            this.size = size;
        }

        synchronized void item(ItemReport report) {
            switch (report.outcome()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case SKIPPED -> skipped++;
                case FAILED -> failed++;
            }
            lines.addLast(report);
            if (lines.size() > LINES_KEPT) {
                lines.removeFirst();
                linesDropped++;
            }
        }

        synchronized void progress(long position) {
            bytesRead = Math.max(bytesRead, Math.min(position, size));
        }

        synchronized void done(Summary result, Instant at) {
            summary = result;
            state = State.DONE;
            bytesRead = size;
            endedAt = at;
        }

        synchronized void failed(String why, Instant at) {
            error = why;
            state = State.FAILED;
            endedAt = at;
        }

        synchronized Job snapshot() {
            return new Job(
                    id,
                    format,
                    fileName,
                    dryRun,
                    startedAt,
                    endedAt,
                    state,
                    size,
                    bytesRead,
                    created,
                    updated,
                    skipped,
                    failed,
                    summary,
                    error,
                    List.copyOf(lines),
                    linesDropped);
        }
    }
}
