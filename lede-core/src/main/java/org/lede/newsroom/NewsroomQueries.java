package org.lede.newsroom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.lede.author.Author;
import org.lede.author.AuthorStore;
import org.lede.common.NotFoundException;
import org.lede.dashboard.Dashboard;
import org.lede.dashboard.DashboardStore;
import org.lede.media.Media;
import org.lede.media.MediaStore;
import org.lede.page.SitePage;
import org.lede.page.SitePageStore;
import org.lede.related.RelatedContent;
import org.lede.related.RelatedContent.Pick;
import org.lede.search.SearchDocument;
import org.lede.search.SearchIndex;
import org.lede.search.SearchQuery;
import org.lede.search.SearchResult;
import org.lede.story.Story;
import org.lede.story.StoryCursor;
import org.lede.story.StoryFilter;
import org.lede.story.StoryKind;
import org.lede.story.StoryListPage;
import org.lede.story.StoryStatus;
import org.lede.story.StoryStore;
import org.lede.topic.Topic;
import org.lede.topic.TopicStore;
import org.lede.user.Actor;

/**
 * The newsroom's reads. Stories follow one rule everywhere (lists, finders, pickers, slugs shown
 * in forms): editors and admins see every story, writers and contributors only those they
 * created, which are the ones they can open. Topics, authors, media and dashboards are shared
 * by the whole newsroom. The site's pages, drafts included, are the editors' and admins' alone.
 * Finding stories by their words asks the search index, opened when something first searches.
 */
public final class NewsroomQueries {
    private final StoryStore stories;
    private final TopicStore topics;
    private final AuthorStore authors;
    private final MediaStore media;
    private final DashboardStore dashboards;
    private final SitePageStore pages;
    private final Supplier<SearchIndex> index;
    private final RelatedContent related;

    public NewsroomQueries(
            StoryStore stories,
            TopicStore topics,
            AuthorStore authors,
            MediaStore media,
            DashboardStore dashboards,
            SitePageStore pages,
            Supplier<SearchIndex> index,
            RelatedContent related) {
        this.stories = stories;
        this.topics = topics;
        this.authors = authors;
        this.media = media;
        this.dashboards = dashboards;
        this.pages = pages;
        this.index = index;
        this.related = related;
    }

    /**
     * One page of the story list, most recently saved first, paged by position rather than offset.
     *
     * @param filter without words: {@link #searchStories} finds those
     * @param from  null for the first page, else the cursor of a page's "older" or "newer" link
     * @param older true to read on past {@code from}, false to read back toward newer saves
     */
    public StoryListPage stories(Actor actor, StoryFilter filter, StoryCursor from, boolean older, int size) {
        if (filter.query() != null) {
            // Read by last save, words would be matched story by story through the whole archive.
            throw new IllegalArgumentException("Words are searched through the index: searchStories");
        }
        StoryFilter mine = filter.withCreatedBy(ownerFilter(actor));
        List<Story> found = stories.page(mine, from, older, size + 1);
        boolean beyond = found.size() > size;
        List<Story> shown = !beyond ? found : older ? found.subList(0, size) : found.subList(1, size + 1);
        if (shown.isEmpty()) {
            return new StoryListPage(List.of(), null, null);
        }
        StoryCursor first = StoryCursor.of(shown.getFirst());
        StoryCursor last = StoryCursor.of(shown.getLast());
        // One row past the far edge says whether the other link leads anywhere.
        boolean newer =
                older ? from != null && !stories.page(mine, first, false, 1).isEmpty() : beyond;
        boolean olderToo = older ? beyond : !stories.page(mine, last, true, 1).isEmpty();
        return new StoryListPage(shown, newer ? first : null, olderToo ? last : null);
    }

    /**
     * How many stories wait for an editor (in review, or scheduled and blocked by a publishing
     * rule), for the newsroom's navigation; zero for everyone else, who cannot act on them.
     */
    public int waitingForEditors(Actor actor) {
        return actor.role().canPublish() ? stories.countWaitingForEditors() : 0;
    }

    /**
     * The stories of any status that best match these words, for the pickers (pins, dashboard
     * items): the index's newsroom search, so a name spelt a letter off still finds its story.
     */
    public List<Story> findStories(Actor actor, String query, int limit) {
        String words = query == null ? "" : query.strip();
        if (words.isEmpty()) {
            return List.of();
        }
        SearchQuery search = new SearchQuery(
                words,
                SearchQuery.Scope.NEWSROOM,
                Set.of(),
                Set.of(),
                STORY_KINDS,
                Set.of(),
                ownerFilter(actor),
                null,
                null,
                SearchQuery.Sort.RELEVANCE,
                null,
                Math.min(limit, SearchQuery.MAX_LIMIT),
                false);
        return openable(actor, index.get().search(search).hits());
    }

    /** The live stories that best match these words, for the editors choosing top stories. */
    public List<Story> findLiveStories(Actor actor, String query, int limit) {
        actor.requireEditor("Only editors and admins choose the top stories.");
        String words = query == null ? "" : query.strip();
        if (words.isEmpty()) {
            return List.of();
        }
        SearchQuery search = new SearchQuery(
                words,
                SearchQuery.Scope.READERS,
                Set.of(),
                Set.of(),
                STORY_KINDS,
                Set.of(),
                null,
                null,
                null,
                SearchQuery.Sort.RELEVANCE,
                null,
                Math.min(limit, SearchQuery.MAX_LIMIT),
                false);
        return openable(actor, index.get().search(search).hits()).stream()
                .filter(Story::isLive)
                .toList();
    }

    /**
     * One page of the story list searched by words through the index, best match first, with the
     * list's other filters and roles: a writer or contributor finds only the stories they created.
     * Pages by the index's cursor; a page may hold fewer than {@code size} when a story changed
     * since the index last heard of it and no longer passes the filters.
     *
     * @param after null for the first page, else {@link StorySearchPage#next()} of the one before
     */
    public StorySearchPage searchStories(Actor actor, StoryFilter filter, String after, int size) {
        Set<String> statuses = new LinkedHashSet<>();
        if (filter.reviewQueue()) {
            statuses.add(StoryStatus.IN_REVIEW.key());
            statuses.add(StoryStatus.SCHEDULED.key());
        } else if (filter.status() != null) {
            statuses.add(filter.status().key());
        } else {
            for (StoryStatus status : StoryStatus.values()) {
                // The list leaves archived stories out unless asked for them.
                if (status != StoryStatus.ARCHIVED) {
                    statuses.add(status.key());
                }
            }
        }
        SearchQuery search = new SearchQuery(
                filter.query(),
                SearchQuery.Scope.NEWSROOM,
                filter.topicId() == null ? Set.of() : Set.of(filter.topicId()),
                filter.authorId() == null ? Set.of() : Set.of(filter.authorId()),
                STORY_KINDS,
                statuses,
                ownerFilter(actor),
                null,
                null,
                SearchQuery.Sort.RELEVANCE,
                after,
                Math.min(size, SearchQuery.MAX_LIMIT),
                false);
        SearchResult result = index.get().search(search);
        List<Story> shown = openable(actor, result.hits()).stream()
                .filter(s -> statuses.contains(s.status().key()))
                .filter(s -> !filter.reviewQueue() || s.status() == StoryStatus.IN_REVIEW || s.blockedReason() != null)
                .filter(s -> filter.topicId() == null
                        || filter.topicId().equals(s.draft().topicId()))
                .filter(s -> filter.authorId() == null || s.draft().authorIds().contains(filter.authorId()))
                .toList();
        return new StorySearchPage(shown, result.next(), result.total(), result.exact());
    }

    /**
     * A page of the story list found by words.
     *
     * @param next  the cursor of the next page, or null on the last
     * @param total how many stories match in all, exactly when {@code exact}, else at least
     */
    public record StorySearchPage(List<Story> stories, String next, long total, boolean exact) {
        public StorySearchPage {
            stories = List.copyOf(stories);
        }
    }

    /** The stories of these hits as stored now, in the hits' order, leaving out what this actor may not open. */
    private List<Story> openable(Actor actor, List<SearchResult.Hit> hits) {
        List<String> ids = hits.stream()
                .filter(h -> h.type() == SearchDocument.Type.STORY)
                .map(SearchResult.Hit::id)
                .toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Story> byId = new HashMap<>();
        stories.findAll(ids).forEach(s -> byId.put(s.id(), s));
        List<Story> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            Story story = byId.get(id);
            // The index may lag a change of hands by a moment; the stored story decides.
            if (story != null && mayOpen(actor, story)) {
                out.add(story);
            }
        }
        return out;
    }

    /** The story a form names by id, slug or address, when this actor may open it. */
    public Optional<Story> storyByReference(Actor actor, String reference) {
        String clean = reference.strip().replaceAll("^.*/", "");
        return stories.findBySlug(clean).or(() -> stories.find(clean)).filter(s -> mayOpen(actor, s));
    }

    /** The slugs of these stories, in order, leaving out those this actor may not open. */
    public List<String> slugsOf(Actor actor, List<String> ids) {
        return stories.findAll(ids).stream()
                .filter(s -> mayOpen(actor, s))
                .map(Story::slug)
                .toList();
    }

    /** The home page's top stories, for the editors who choose them. */
    public List<Story> topStories(Actor actor) {
        actor.requireEditor("Only editors and admins choose the top stories.");
        return stories.findAll(stories.topStoryIds());
    }

    /** The newest live stories, for the editors choosing top stories. */
    public List<Story> latestPublished(Actor actor, int limit) {
        actor.requireEditor("Only editors and admins choose the top stories.");
        return stories.latestPublished(limit, 0);
    }

    public List<Topic> topics(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        return topics.all();
    }

    public Topic topic(Actor actor, String id) {
        Objects.requireNonNull(actor, "actor");
        return topics.find(id).orElseThrow(() -> new NotFoundException("Topic", id));
    }

    public List<Author> authors(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        return authors.all();
    }

    public Author author(Actor actor, String id) {
        Objects.requireNonNull(actor, "actor");
        return authors.find(id).orElseThrow(() -> new NotFoundException("Author", id));
    }

    /** Images, newest first. */
    public List<Media> media(Actor actor, int limit, int offset) {
        Objects.requireNonNull(actor, "actor");
        return media.latest(limit, offset);
    }

    public Media mediaItem(Actor actor, String id) {
        Objects.requireNonNull(actor, "actor");
        return media.find(id).orElseThrow(() -> new NotFoundException("Image", id));
    }

    public List<Dashboard> dashboards(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        return dashboards.all();
    }

    public Dashboard dashboard(Actor actor, String id) {
        Objects.requireNonNull(actor, "actor");
        return dashboards.find(id).orElseThrow(() -> new NotFoundException("Dashboard", id));
    }

    /** Every site page, drafts too, in footer order. */
    public List<SitePage> sitePages(Actor actor) {
        actor.requireEditor(PAGES_REFUSAL);
        return pages.all();
    }

    public SitePage sitePage(Actor actor, String id) {
        actor.requireEditor(PAGES_REFUSAL);
        return pages.find(id).orElseThrow(() -> new NotFoundException("Page", id));
    }

    private static final Set<String> STORY_KINDS = storyKinds();

    private static Set<String> storyKinds() {
        Set<String> keys = new LinkedHashSet<>();
        for (StoryKind kind : StoryKind.values()) {
            keys.add(kind.key());
        }
        return Set.copyOf(keys);
    }

    /**
     * What Go deeper shows under a story, each pick with the parts of its score and its title,
     * for the editors who pin: they see why a story is there before they decide what to pin above it.
     */
    public GoDeeperPicks goDeeper(Actor actor, String storyId) {
        actor.requireEditor("Only editors and admins see how Go deeper ranks related coverage.");
        Story story = stories.find(storyId).orElseThrow(() -> new NotFoundException("Story", storyId));
        List<Pick> picks = related.ranked(story);
        Map<String, String> titles = new HashMap<>();
        stories.findAll(picks.stream().map(Pick::id).toList()).forEach(s -> titles.put(s.id(), s.headline()));
        for (Pick pick : picks) {
            if (pick.type() == SearchDocument.Type.DASHBOARD) {
                dashboards.find(pick.id()).ifPresent(d -> titles.put(d.id(), d.title()));
            }
        }
        return new GoDeeperPicks(
                story,
                picks.stream()
                        .filter(p -> titles.containsKey(p.id()))
                        .map(p -> new ExplainedPick(p, titles.get(p.id())))
                        .toList());
    }

    /** A story and its Go deeper picks, best first. */
    public record GoDeeperPicks(Story story, List<ExplainedPick> picks) {
        public GoDeeperPicks {
            picks = List.copyOf(picks);
        }
    }

    /** A pick with the headline or title it is shown by. */
    public record ExplainedPick(Pick pick, String title) {}

    private static final String PAGES_REFUSAL = "Only editors and admins see and write the site's pages.";

    private static String ownerFilter(Actor actor) {
        return actor.role().canPublish() ? null : actor.userId();
    }

    private static boolean mayOpen(Actor actor, Story story) {
        return actor.role().canPublish() || actor.userId().equals(story.createdBy());
    }
}
