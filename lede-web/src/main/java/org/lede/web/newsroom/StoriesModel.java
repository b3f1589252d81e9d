package org.lede.web.newsroom;

import java.time.ZoneId;
import java.util.List;
import org.lede.author.Author;
import org.lede.story.Story;
import org.lede.topic.Topic;

/**
 * The story list: one page, the filters as typed, and the links to the pages either side.
 *
 * @param status    a status key, {@code review} for what waits for an editor, or empty for all
 * @param newerHref the page of more recently saved stories, or null on the first page; when
 *                  searching by words, the first page of results, or null on it
 * @param olderHref the next page of older ones, or null on the last; when searching by words,
 *                  the next page of results
 */
public record StoriesModel(
        NewsroomPage page,
        List<Story> stories,
        String status,
        String query,
        String topicId,
        String authorId,
        List<Topic> topics,
        List<Author> authors,
        String newerHref,
        String olderHref,
        ZoneId zone)
        implements NewsroomView {
    /** True when words are searched: the list is in order of relevance, not of saving. */
    public boolean searching() {
        return !query.isBlank();
    }

    @Override
    public String template() {
        return "newsroom/stories.jte";
    }
}
