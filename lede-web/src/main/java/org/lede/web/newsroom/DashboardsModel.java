package org.lede.web.newsroom;

import java.time.ZoneId;
import java.util.List;
import org.lede.dashboard.Dashboard;

/** The list of dashboards. */
public record DashboardsModel(NewsroomPage page, List<Dashboard> dashboards, ZoneId zone) implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/dashboards.jte";
    }
}
