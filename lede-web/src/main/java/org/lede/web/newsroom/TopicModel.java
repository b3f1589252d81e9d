package org.lede.web.newsroom;

import org.lede.topic.Topic;
import org.lede.web.newsroom.TopicRoutes.TopicForm;

/** One topic's page. */
public record TopicModel(NewsroomPage page, Topic topic, TopicForm form) implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/topic.jte";
    }
}
