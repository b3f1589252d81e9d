package org.lede.story;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lede.common.Reference;

/** Stories and their revisions. Implementations keep a story and its blocks in one write. */
public interface StoryStore {
    void insert(Story story);

    /**
     * Replaces the story when its stored revision is {@code expectedRevision}; returns false and
     * changes nothing otherwise. The check and the write are one atomic statement.
     */
    boolean update(Story story, int expectedRevision);

    Optional<Story> find(String id);

    /**
     * Deletes the story with its blocks, pins and revisions when its stored revision is
     * {@code expectedRevision}; returns false and changes nothing otherwise.
     */
    boolean delete(String id, int expectedRevision);

    /** What would break if the story went: the stories that pin it and the dashboards that list it. */
    List<Reference> uses(String id);

    Optional<Story> findBySlug(String slug);

    /** The current revision number, or empty when there is no such story. */
    Optional<Integer> revisionOf(String id);

    /** Whether a story has this slug now or had it once it was published (its old address still redirects). */
    boolean slugTaken(String slug);

    /** The story whose slug this is, now or before (an old published slug); empty when none has it. */
    Optional<String> slugOwner(String slug);

    /** Keeps a published story's previous slug, so its old address redirects and no other story takes it. */
    void keepOldSlug(String storyId, String slug, Instant at);

    /** Drops an old slug of this story, when the story takes it back as its slug. */
    void forgetOldSlug(String storyId, String slug);

    /** The story that was published under this slug before it changed. */
    Optional<Story> findByOldSlug(String slug);

    /**
     * What a Go deeper pin names: the id of the story with this id or slug, else of the
     * dashboard with this id or slug; empty when there is neither.
     */
    Optional<String> pinTarget(String reference);

    /** Where readers meet the story as stored now, besides its own page. */
    StoryPlaces places(String id);

    /** Published stories, newest publish time first. */
    List<Story> latestPublished(int limit, int offset);

    /**
     * One page of stories for the newsroom, by last save then id, newest first, without an offset.
     *
     * @param from   null for the first page, else where the page starts (exclusive)
     * @param older  true to read on past {@code from} toward older saves; false to read back toward newer
     * @return up to {@code limit} stories, newest first either way
     */
    List<Story> page(StoryFilter filter, StoryCursor from, boolean older, int limit);

    /** How many stories wait for an editor: in review, or scheduled and blocked by a publishing rule. */
    int countWaitingForEditors();

    /**
     * Published stories by first publication then id, newest first, without an offset.
     *
     * @param after null for the first page, else the place the page starts after (exclusive)
     */
    List<Story> published(PublishedFilter filter, PublishedCursor after, int limit);

    /**
     * The places of published stories by publish time then id, newest first, without an offset:
     * the home stream. Places alone are read off the index; what a page shows of them is read for
     * the page's stories only ({@link #liveTeasers}, {@link #findAll}).
     *
     * @param after null for the first page, else the place the page starts after (exclusive)
     */
    List<StreamCursor> latestPublished(StreamCursor after, int limit);

    /** The places of one topic's published stories, in the order and from the place of {@link #latestPublished(StreamCursor, int)}. */
    List<StreamCursor> publishedInTopic(String topicId, StreamCursor after, int limit);

    /** The places of published stories with this author in their byline, in the order and from the place of {@link #latestPublished(StreamCursor, int)}. */
    List<StreamCursor> publishedByAuthor(String authorId, StreamCursor after, int limit);

    /**
     * Go deeper's candidates by topic and tags: the ids of the published stories of {@code topicId}
     * published nearest to {@code around} (up to {@code perSource} on each side of it), and the
     * same for each of {@code tags}. Each source is one index range read, however many stories share
     * it, so the cost does not grow with the archive. Ids may repeat across sources.
     */
    List<String> liveNear(String topicId, List<String> tags, Instant around, int perSource);

    /** The outlines of those of these stories that are live, in no particular order; each one's tags in no particular order. */
    List<StoryOutline> liveOutlines(List<String> ids);

    /** The headings of those of these stories that are live, in no particular order. */
    List<StoryHeading> liveHeadings(List<String> ids);

    /** What the cards of those of these stories that are live are made from, in no particular order. */
    List<StoryTeaser> liveTeasers(List<String> ids);

    /** The stories with these ids, in the order given; unknown ids are left out. */
    List<Story> findAll(List<String> ids);

    /** The ids of the home page's top stories in the editors' order. */
    List<String> topStoryIds();

    void setTopStoryIds(List<String> ids);

    /**
     * The UTC months in which live stories were first published (the month their address is
     * dated by), newest first, each with its count and latest change: one GROUP BY over the
     * (status, first_published_at) index, for the sitemap index.
     */
    List<PublishedMonth> publishedMonths();

    /**
     * Live stories first published in this UTC month, oldest first (then by id), as a range over
     * the (status, first_published_at) index.
     */
    List<StoryStamp> publishedInMonth(YearMonth month, int limit, int offset);

    /** Live stories first published at or after {@code since}, newest first. */
    List<Story> firstPublishedSince(Instant since, int limit);

    /** For each topic with live stories, by topic id: the latest publication or substantive update among them. */
    Map<String, Instant> lastPublishedByTopic();

    /** For each author on a live story's byline, by author id: the latest publication or substantive update among those stories. */
    Map<String, Instant> lastPublishedByAuthor();

    /** Scheduled stories whose publish time is at or before {@code now}, oldest first. */
    List<Story> dueForPublishing(Instant now);

    void addRevision(StoryRevision revision);

    List<StoryRevision> revisions(String storyId);

    Optional<StoryRevision> revision(String storyId, int revision);

    int count();
}
