package org.lede.web.newsroom;

import java.util.List;
import org.lede.dashboard.Dashboard;
import org.lede.media.Media;
import org.lede.topic.Topic;
import org.lede.web.newsroom.DashboardRoutes.DashboardForm;

/** The dashboard editor. */
public record DashboardModel(
        NewsroomPage page, Dashboard dashboard, DashboardForm form, List<Topic> topics, List<Media> media)
        implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/dashboard.jte";
    }
}
