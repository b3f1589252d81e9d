package org.lede.story;

/**
 * What the newsroom's story list shows; every part is optional (null, or false).
 *
 * @param status      only stories with this status
 * @param reviewQueue only what waits for an editor: stories in review and scheduled stories blocked by a rule
 * @param topicId     only stories of this topic
 * @param authorId    only stories with this author in their byline
 * @param query       words to search for through the search index ({@code NewsroomQueries.searchStories}),
 *                    not a filter of the list by last save
 * @param createdBy   only stories this user created
 */
public record StoryFilter(
        StoryStatus status, boolean reviewQueue, String topicId, String authorId, String query, String createdBy) {
    public static final StoryFilter ALL = new StoryFilter(null, false, null, null, null, null);

    public StoryFilter withCreatedBy(String userId) {
        return new StoryFilter(status, reviewQueue, topicId, authorId, query, userId);
    }
}
