package org.lede.web.newsroom;

import java.util.List;
import org.lede.importing.ImportJobs.Job;
import org.lede.web.newsroom.ImportRoutes.ImportForm;

/**
 * The import form.
 *
 * @param running the import running now, which a new one must wait for; null when none runs
 */
public record ImportModel(NewsroomPage page, List<String> formats, ImportForm form, Job running, long maxMegabytes)
        implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/import.jte";
    }

    /** What the form calls a format. */
    public static String label(String format) {
        return switch (format) {
            case "wxr" -> "WordPress export (WXR)";
            case "rss" -> "RSS or Atom feed";
            case "ghost" -> "Ghost export (JSON)";
            default -> format;
        };
    }
}
