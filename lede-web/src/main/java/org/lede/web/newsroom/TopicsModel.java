package org.lede.web.newsroom;

import java.util.List;
import org.lede.topic.Topic;
import org.lede.web.newsroom.TopicRoutes.TopicForm;

/** The list of topics with the form that adds one. */
public record TopicsModel(NewsroomPage page, List<Topic> topics, TopicForm form) implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/topics.jte";
    }
}
