package org.lede.web.newsroom;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lede.newsroom.NewsroomQueries.ExplainedPick;
import org.lede.newsroom.NewsroomQueries.GoDeeperPicks;
import org.lede.related.Blend;
import org.lede.related.RelatedContent.Pick;
import org.lede.search.SearchDocument;
import org.lede.story.Story;

/**
 * A story's Go deeper picks as the editors' table: every part of a score as the blend saw it
 * (0 to 1, before weighing), then the weighed total.
 *
 * @param weighing how the total weighs the parts, as the page states it
 */
public record GoDeeperModel(NewsroomPage page, Story story, List<Row> rows, String weighing) implements NewsroomView {

    /** One pick, its numbers written with two decimals. */
    public record Row(
            int position,
            String title,
            String href,
            String kind,
            String date,
            Instant at,
            boolean pinned,
            String similarity,
            String topic,
            String tags,
            String names,
            List<String> sharedNames,
            String recency,
            String total) {}

    @Override
    public String template() {
        return "newsroom/go-deeper.jte";
    }

    static GoDeeperModel of(NewsroomPage page, GoDeeperPicks found, Blend.Weights w, ZoneId zone) {
        List<ExplainedPick> picks = found.picks();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < picks.size(); i++) {
            Pick pick = picks.get(i).pick();
            Blend.Score s = pick.score();
            boolean dashboard = pick.type() == SearchDocument.Type.DASHBOARD;
            Instant at = pick.date();
            rows.add(new Row(
                    i + 1,
                    picks.get(i).title(),
                    (dashboard ? "/newsroom/dashboards/" : "/newsroom/stories/") + pick.id(),
                    dashboard ? "dashboard" : "story",
                    at == null ? "" : at.atZone(zone).toLocalDate().toString(),
                    at,
                    s.pinned(),
                    number(s.similarity()),
                    number(s.topic()),
                    number(s.tags()),
                    number(s.names()),
                    s.sharedNames(),
                    number(s.recency()),
                    number(s.total())));
        }
        String weighing = "similarity × " + number(w.similarity()) + " + topic × " + number(w.topic()) + " + tags × "
                + number(w.tags()) + " + names × " + number(w.names()) + " + recency × " + number(w.recency());
        return new GoDeeperModel(page, found.story(), List.copyOf(rows), weighing);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
