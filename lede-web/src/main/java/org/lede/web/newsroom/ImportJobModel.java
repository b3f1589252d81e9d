package org.lede.web.newsroom;

import java.time.Instant;
import java.time.ZoneId;
import org.lede.importing.ImportJobs.Job;
import org.lede.importing.ImportJobs.State;

/** One import's page: progress while it runs, then its summary and report. */
public record ImportJobModel(NewsroomPage page, Job job, ZoneId zone) implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/import-job.jte";
    }

    public boolean running() {
        return job.state() == State.RUNNING;
    }

    /** The one-line summary, as the command line prints it. */
    public String summary() {
        if (job.summary() == null) {
            return job.created() + " created, " + job.updated() + " updated, " + job.skipped() + " skipped, "
                    + job.failed() + " failed";
        }
        return (job.dryRun() ? "Dry run, nothing written: " : "")
                + job.summary().line();
    }

    public String local(Instant at) {
        return at == null
                ? ""
                : at.atZone(zone).toLocalDateTime().withNano(0).toString().replace('T', ' ');
    }
}
