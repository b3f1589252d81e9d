package org.lede.web.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.lede.common.LedeException;
import org.lede.common.ValidationException;
import org.lede.importing.ImportJobs;
import org.lede.importing.ImportJobs.Job;
import org.lede.importing.Importer.OnError;
import org.lede.importing.Importer.Options;

/**
 * Importing an archive from the newsroom: the form, the job's page that follows it (refreshing
 * itself without script while it runs) and its full report. Admins only, which {@link ImportJobs}
 * enforces. Images come from the URLs in the file; an uploads folder is a CLI option only.
 */
public final class ImportRoutes {
    public static final String PATH = "/newsroom/import";
    /** An archive is far larger than an image: uploads here may be this large, spooled to disk. */
    public static final long MAX_UPLOAD_BYTES = 512L * 1024 * 1024;
    /** Parts beyond this size go to a temporary file as they arrive, not into memory. */
    private static final long IN_MEMORY_BYTES = 1024 * 1024;

    private final ImportJobs jobs;
    private final NewsroomViews views;

    public ImportRoutes(ImportJobs jobs, NewsroomViews views) {
        this.jobs = jobs;
        this.views = views;
    }

    public void register(RoutesConfig routes) {
        routes.get("/newsroom/import", this::form);
        routes.post("/newsroom/import", this::start);
        routes.get("/newsroom/import/{id}", this::job);
        routes.get("/newsroom/import/{id}/report.txt", this::report);
    }

    /** The form as typed. */
    public record ImportForm(String format, boolean dryRun, boolean stopOnError) {
        static final ImportForm EMPTY = new ImportForm("", false, false);

        static ImportForm from(Context ctx) {
            return new ImportForm(
                    Forms.value(ctx, "format"),
                    ctx.formParam("dryRun") != null,
                    "stop".equals(ctx.formParam("onError")));
        }
    }

    private void form(Context ctx) {
        showForm(ctx, 200, Notice.textOf(ctx), ImportForm.EMPTY);
    }

    private void showForm(Context ctx, int status, String notice, ImportForm form) {
        var actor = NewsroomAuth.actor(ctx);
        views.render(
                ctx,
                status,
                new ImportModel(
                        views.page(ctx, "Import", Section.IMPORT, notice),
                        jobs.formats().stream().toList(),
                        form,
                        jobs.running(actor).orElse(null),
                        MAX_UPLOAD_BYTES >> 20));
    }

    private void start(Context ctx) {
        var actor = NewsroomAuth.actor(ctx);
        ImportForm form = ImportForm.EMPTY;
        Path spooled = null;
        try {
            // Before the body is read: a refused start should not wait for hundreds of megabytes.
            jobs.checkMayStart(actor);
            // Javalin keeps this request's own multipart limits when one is set before parts are read.
            ctx.req()
                    .setAttribute(
                            "org.eclipse.jetty.multipartConfig",
                            new MultipartConfigElement(
                                    System.getProperty("java.io.tmpdir"),
                                    MAX_UPLOAD_BYTES,
                                    MAX_UPLOAD_BYTES + 64 * 1024,
                                    (int) IN_MEMORY_BYTES));
            form = ImportForm.from(ctx);
            UploadedFile file = ctx.uploadedFile("file");
            if (file == null || file.filename() == null || file.filename().isBlank()) {
                throw new ValidationException("file", "Choose the export file to import.");
            }
            if (file.size() == 0) {
                throw new ValidationException("file", "“" + baseName(file.filename()) + "” is empty.");
            }
            spooled = spool(file);
            Job job = jobs.start(
                    actor,
                    form.format(),
                    spooled,
                    baseName(file.filename()),
                    new Options(form.format(), null, form.dryRun(), form.stopOnError() ? OnError.STOP : OnError.SKIP));
            spooled = null;
            ctx.redirect(Notice.IMPORT_STARTED.on(PATH + "/" + job.id()), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showForm(ctx, e.status(), e.getMessage(), form);
        } finally {
            deleteQuietly(spooled);
        }
    }

    private void job(Context ctx) {
        Job job = jobs.job(NewsroomAuth.actor(ctx), ctx.pathParam("id"));
        views.render(
                ctx,
                200,
                new ImportJobModel(
                        views.page(ctx, "Import of “" + job.fileName() + "”", Section.IMPORT, Notice.textOf(ctx)),
                        job,
                        views.site().zone()));
    }

    private void report(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        Path file = jobs.reportFile(NewsroomAuth.actor(ctx), id);
        ctx.contentType("text/plain; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"import-" + id + ".txt\"");
        try {
            ctx.result(Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            // The job's thread has not opened its report yet: nothing is in it so far.
            ctx.result("");
        }
    }

    /** The upload outlives this request, so it moves to a file of the job's own. */
    private static Path spool(UploadedFile file) {
        try (InputStream in = file.content()) {
            Path spooled = Files.createTempFile("lede-import-", ".upload");
            Files.copy(in, spooled, StandardCopyOption.REPLACE_EXISTING);
            return spooled;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot receive the upload", e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A temporary file left behind harms nothing; the answer already says what happened.
        }
    }

    /** Browsers may send a whole path as the file name; only its last part means anything to us. */
    private static String baseName(String name) {
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }
}
