package org.lede.reading;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.lede.author.Author;
import org.lede.author.AuthorStore;
import org.lede.content.Block;
import org.lede.content.ImageBlock;
import org.lede.content.Inline;
import org.lede.content.Labels;
import org.lede.content.LeadIn;
import org.lede.content.Paragraph;
import org.lede.dashboard.Dashboard;
import org.lede.dashboard.DashboardEntry;
import org.lede.dashboard.DashboardItem;
import org.lede.dashboard.DashboardStore;
import org.lede.media.Media;
import org.lede.media.MediaStore;
import org.lede.outbox.PageKeys;
import org.lede.page.PublishedPage;
import org.lede.page.SitePage;
import org.lede.page.SitePageStore;
import org.lede.related.GoDeeper;
import org.lede.related.GoDeeper.Ref;
import org.lede.search.SearchDocument;
import org.lede.story.PublishedCursor;
import org.lede.story.PublishedFilter;
import org.lede.story.PublishedMonth;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryHeading;
import org.lede.story.StoryStatus;
import org.lede.story.StoryStore;
import org.lede.story.StoryTeaser;
import org.lede.story.StreamCursor;
import org.lede.topic.Topic;
import org.lede.topic.TopicStore;

/**
 * The read side of the reader site: builds page and card views from published state only.
 * Drafts, scheduled and unpublished stories are invisible here.
 */
public final class ReaderQueries {
    public static final int PAGE_SIZE = 10;
    public static final int TOP_STORIES = 3;
    public static final int GO_DEEPER = 5;
    /** How many stories a feed carries, newest first. */
    public static final int FEED_SIZE = 50;
    /** Google News reads stories first published within the last two days. */
    public static final Duration NEWS_WINDOW = Duration.ofHours(48);
    /** The most a Google News sitemap may list. */
    public static final int NEWS_MAX = 1000;

    private final StoryStore stories;
    private final TopicStore topics;
    private final AuthorStore authors;
    private final MediaStore media;
    private final DashboardStore dashboards;
    private final GoDeeper goDeeper;
    private final SiteSettings site;
    private final Clock clock;
    private final SitePageStore pages;
    /** Both null when every page reads them anew; see {@link #keepingChrome}. */
    private final Kept<List<Topic>> keptTopics;

    private final Kept<List<PublishedPage>> keptFooter;

    /**
     * @param keepChrome whether to keep the topics and footer links between pages: see {@link
     *     #keepingChrome}, which is how a server asks for it
     */
    public ReaderQueries(
            StoryStore stories,
            TopicStore topics,
            AuthorStore authors,
            MediaStore media,
            DashboardStore dashboards,
            GoDeeper goDeeper,
            SiteSettings site,
            Clock clock,
            SitePageStore pages,
            boolean keepChrome) {
        this.stories = stories;
        this.topics = topics;
        this.authors = authors;
        this.media = media;
        this.dashboards = dashboards;
        this.goDeeper = goDeeper;
        this.site = site;
        this.clock = clock;
        this.pages = pages;
        this.keptTopics = keepChrome ? new Kept<List<Topic>>(() -> List.copyOf(topics.all())) : null;
        this.keptFooter = keepChrome ? new Kept<List<PublishedPage>>(() -> List.copyOf(pages.published())) : null;
    }

    /**
     * These queries, keeping what every reader page shows around its content between pages: the
     * topics of the navigation (and of every card) and the site pages of the footer. A story page
     * read them four times, a tenth of its queries and, on PostgreSQL, as many round trips. They
     * change only by events that name every page ({@link PageKeys#ALL}), so whoever asks for this
     * must pass every event's page keys to {@link #forget} as its page cache follows the outbox,
     * and the kept ones are then exactly as fresh as the cached pages.
     */
    public ReaderQueries keepingChrome() {
        return new ReaderQueries(stories, topics, authors, media, dashboards, goDeeper, site, clock, pages, true);
    }

    /** Drops what {@link #keepingChrome} kept when these page keys (an event's) name every page. */
    public void forget(Collection<String> pageKeys) {
        if (keptTopics != null && pageKeys.contains(PageKeys.ALL)) {
            keptTopics.forget();
            keptFooter.forget();
        }
    }

    public SiteSettings site() {
        return site;
    }

    public Instant now() {
        return clock.instant();
    }

    public List<Topic> topics() {
        return keptTopics == null ? topics.all() : keptTopics.get();
    }

    /** The published site page at {@code /{slug}}, or empty for a draft or no page. */
    public Optional<PageView> page(String slug) {
        return pages.findBySlug(slug).filter(SitePage::published).map(this::pageView);
    }

    /** The published site pages in the order editors set: the footer's links. */
    public List<PageLink> publishedPages() {
        return links(keptFooter == null ? pages.published() : keptFooter.get());
    }

    private static List<PageLink> links(List<PublishedPage> published) {
        return published.stream()
                .map(p -> new PageLink(p.title(), Urls.page(p.slug()), p.updatedAt()))
                .toList();
    }

    private PageView pageView(SitePage page) {
        List<String> mediaIds = page.body().stream()
                .filter(b -> b instanceof ImageBlock)
                .map(b -> ((ImageBlock) b).mediaId())
                .toList();
        Map<String, Figure> figures = media.findAll(mediaIds).stream().collect(Collectors.toMap(Media::id, Figure::of));
        return new PageView(page.slug(), Urls.page(page.slug()), page.title(), page.body(), figures, page.updatedAt());
    }

    /** The live story with this slug, or empty. */
    public Optional<StoryView> story(String slug) {
        return stories.findBySlug(slug).filter(Story::isLive).map(this::view);
    }

    /** How an unsaved draft would look on its page, for the newsroom's live preview. */
    public StoryView preview(StoryDraft draft) {
        Instant now = clock.instant();
        StoryDraft shown = draft.slug() == null ? draft.withSlug("preview") : draft;
        return view(new Story(
                "preview",
                shown,
                StoryStatus.PUBLISHED,
                now,
                now,
                null,
                now,
                now,
                null,
                0,
                List.of(),
                List.of(),
                null));
    }

    /** The live story with this id, or empty: a draft's id reads exactly like an unknown one. */
    public Optional<StoryView> storyById(String id) {
        return stories.find(id).filter(Story::isLive).map(this::view);
    }

    /**
     * One page of live stories, newest first publication first, each resolved as its page shows it.
     *
     * @param after null for the first page, else where the previous page ended
     */
    public List<StoryView> published(PublishedFilter filter, PublishedCursor after, int limit) {
        return views(stories.published(filter, after, limit));
    }

    /** Every author, by name. */
    public List<Author> authors() {
        return authors.all();
    }

    /** Every dashboard as readers see it. */
    public List<DashboardView> dashboards() {
        return dashboardViews(dashboards.all());
    }

    /** Images by media id, with their sources and size; unknown ids are left out. */
    public Map<String, Figure> images(List<String> mediaIds) {
        if (mediaIds.isEmpty()) {
            return Map.of();
        }
        return media.findAll(mediaIds.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(Media::id, Figure::of));
    }

    /**
     * The cards of search results: of those of these stories that are live and of these
     * dashboards, by id, read in one batch however many there are; ids of anything readers may
     * not see are absent. A result shows a story's heading and the index's snippet, so its card
     * is read from the story's row alone and has no image, lede or "Why it matters".
     */
    public Map<String, FoundCard> liveCards(List<String> storyIds, List<String> dashboardIds) {
        Map<String, FoundCard> out = new HashMap<>();
        if (!storyIds.isEmpty()) {
            Map<String, Topic> topicById = topicsById();
            for (StoryHeading s : stories.liveHeadings(storyIds)) {
                boolean updated = s.substantiveAt() != null;
                StoryCard card = new StoryCard(
                        s.id(),
                        Urls.story(s.firstPublishedAt(), s.slug(), site.zone()),
                        s.headline(),
                        topicById.get(s.topicId()),
                        null,
                        null,
                        null,
                        updated ? s.substantiveAt() : s.publishAt(),
                        updated);
                out.put(
                        s.id(),
                        new FoundCard(
                                card,
                                s.kind().key(),
                                s.firstPublishedAt() == null ? s.publishAt() : s.firstPublishedAt()));
            }
        }
        if (!dashboardIds.isEmpty()) {
            Set<String> wanted = Set.copyOf(dashboardIds);
            List<Dashboard> found = dashboards.all().stream()
                    .filter(d -> wanted.contains(d.id()))
                    .toList();
            List<DashboardView> made = dashboardViews(found);
            for (int i = 0; i < found.size(); i++) {
                out.put(
                        found.get(i).id(),
                        new FoundCard(made.get(i), "dashboard", found.get(i).updatedAt()));
            }
        }
        return out;
    }

    /**
     * A card found by id, with what a list of results says beside it.
     *
     * @param kind      the story's kind key, or {@code dashboard}
     * @param published a story's first publication, a dashboard's last save
     */
    public record FoundCard(StreamItem card, String kind, Instant published) {}

    /** The address of the live story that was published under this slug before an editor changed it. */
    public Optional<String> movedStory(String oldSlug) {
        return stories.findByOldSlug(oldSlug).filter(Story::isLive).map(s -> Urls.story(s, site.zone()));
    }

    /**
     * A stored story of any status as its page would show it if it went live now, for a signed
     * preview link; one that was published before keeps its dates.
     */
    public StoryView previewOf(Story story) {
        Instant now = clock.instant();
        Instant first = story.firstPublishedAt() == null ? now : story.firstPublishedAt();
        return view(new Story(
                story.id(),
                story.draft(),
                StoryStatus.PUBLISHED,
                story.publishAt() == null ? now : story.publishAt(),
                first,
                story.substantiveAt(),
                story.createdAt(),
                story.updatedAt(),
                story.createdBy(),
                story.revision(),
                story.corrections(),
                story.pins(),
                null));
    }

    /** The editors' top stories, or the newest when they chose none. */
    public List<StoryCard> topStories() {
        List<StoryCard> chosen = cards(stories.topStoryIds());
        return chosen.isEmpty() ? cards(ids(stories.latestPublished(null, TOP_STORIES))) : chosen;
    }

    /**
     * Everything live, newest first: stories and dashboards.
     *
     * @param after null for the first page, else where the page starts (exclusive)
     */
    public StreamSlice latest(StreamCursor after) {
        return stream(after, limit -> stories.latestPublished(after, limit), dashboards.all());
    }

    public Optional<Topic> topic(String slug) {
        return topics.findBySlug(slug);
    }

    /**
     * What became of a topic address no topic holds: the topic its stories were merged into
     * (present), deleted with nothing to lead to (empty inner), or never a topic (empty).
     */
    public Optional<Optional<Topic>> retiredTopic(String slug) {
        return topics.retired(slug)
                .map(r -> Optional.ofNullable(r.mergedIntoId()).flatMap(topics::find));
    }

    /** True when a deleted dashboard had this address and no dashboard has taken it since. */
    public boolean dashboardGone(String slug) {
        return dashboards.findBySlug(slug).isEmpty() && dashboards.retired(slug);
    }

    /**
     * True when the story at this address was public once and is not now (unpublished or
     * archived): readers and search engines are told it was taken down, not that it never was.
     */
    public boolean storyGone(String slug) {
        return stories.findBySlug(slug)
                .filter(s -> !s.isLive() && s.firstPublishedAt() != null)
                .isPresent();
    }

    /** A topic's live stories and dashboards, newest first, from after {@code after} (null: the first page). */
    public StreamSlice topicStream(Topic topic, StreamCursor after) {
        return stream(
                after,
                limit -> stories.publishedInTopic(topic.id(), after, limit),
                dashboards.all().stream()
                        .filter(d -> topic.id().equals(d.topicId()))
                        .toList());
    }

    public Optional<AuthorView> author(String slug) {
        return authors.findBySlug(slug)
                .map(a -> new AuthorView(
                        a,
                        Urls.author(a.slug()),
                        a.avatarMediaId() == null
                                ? null
                                : media.find(a.avatarMediaId()).map(Figure::of).orElse(null)));
    }

    /** The live stories with this author on the byline, newest first, from after {@code after} (null: the first page). */
    public StreamSlice authorStream(Author author, StreamCursor after) {
        return stream(after, limit -> stories.publishedByAuthor(author.id(), after, limit), List.of());
    }

    public Optional<DashboardView> dashboard(String slug) {
        return dashboards.findBySlug(slug).map(d -> dashboardViews(List.of(d)).getFirst());
    }

    /** The site feed: the newest live stories, whole. */
    public List<StoryView> feed() {
        return views(stories.latestPublished(FEED_SIZE, 0));
    }

    /** A topic's feed: its newest live stories, whole. */
    public List<StoryView> topicFeed(Topic topic) {
        return views(stories.findAll(ids(stories.publishedInTopic(topic.id(), null, FEED_SIZE))));
    }

    /** An author's feed: the newest live stories with them on the byline, whole. */
    public List<StoryView> authorFeed(Author author) {
        return views(stories.findAll(ids(stories.publishedByAuthor(author.id(), null, FEED_SIZE))));
    }

    /** The UTC months holding live stories, newest first, for the sitemap index. */
    public List<PublishedMonth> sitemapMonths() {
        return stories.publishedMonths();
    }

    /** One slice of a month's live stories, oldest first, each with its last change for readers. */
    public List<SitemapEntry> sitemapStories(YearMonth month, int limit, int offset) {
        return stories.publishedInMonth(month, limit, offset).stream()
                .map(s -> new SitemapEntry(Urls.story(s.firstPublishedAt(), s.slug(), site.zone()), s.lastModified()))
                .toList();
    }

    /**
     * Topic pages with something on them, in the navigation's order: each changes when a story
     * or dashboard in it does. An empty topic page is left out, since it offers a crawler nothing.
     */
    public List<SitemapEntry> sitemapTopics() {
        Map<String, Instant> changed = new HashMap<>(stories.lastPublishedByTopic());
        dashboards.all().stream()
                .filter(d -> d.topicId() != null)
                .forEach(d -> changed.merge(d.topicId(), d.updatedAt(), ReaderQueries::later));
        return topics.all().stream()
                .filter(t -> changed.containsKey(t.id()))
                .map(t -> new SitemapEntry(Urls.topic(t.slug()), changed.get(t.id())))
                .toList();
    }

    /** Author pages of everyone on a live story's byline, each changed when one of their stories was. */
    public List<SitemapEntry> sitemapAuthors() {
        Map<String, Instant> changed = stories.lastPublishedByAuthor();
        return authors.findAll(List.copyOf(changed.keySet())).stream()
                .sorted(Comparator.comparing(Author::slug))
                .map(a -> new SitemapEntry(Urls.author(a.slug()), changed.get(a.id())))
                .toList();
    }

    /** Every dashboard page, changed when the dashboard was last saved. */
    public List<SitemapEntry> sitemapDashboards() {
        return dashboards.all().stream()
                .map(d -> new SitemapEntry(Urls.dashboard(d.slug()), d.updatedAt()))
                .toList();
    }

    /**
     * The site's pages that are neither stories, topics, authors nor dashboards: the one list a
     * new kind of page joins to be offered to crawlers. The home page changes with anything live.
     */
    public List<SitemapEntry> sitemapPages() {
        Instant home = null;
        for (PublishedMonth month : stories.publishedMonths()) {
            home = later(home, month.lastModified());
        }
        for (Dashboard d : dashboards.all()) {
            home = later(home, d.updatedAt());
        }
        List<SitemapEntry> entries = new ArrayList<>();
        entries.add(new SitemapEntry("/", home));
        // Read anew, not kept: an event for a page's new text names that page alone, so the kept
        // footer would keep the page's old date.
        links(pages.published()).forEach(p -> entries.add(new SitemapEntry(p.url(), p.lastModified())));
        return entries;
    }

    /** Live stories first published within {@link #NEWS_WINDOW}, newest first, for a Google News sitemap. */
    public List<StoryView> newsStories() {
        return views(stories.firstPublishedSince(clock.instant().minus(NEWS_WINDOW), NEWS_MAX));
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }

    /** A live story's page: the story and the first page of its Go deeper. */
    public Optional<StoryPage> storyPage(String slug, int deeperSize) {
        return stories.findBySlug(slug)
                .filter(Story::isLive)
                .map(story -> new StoryPage(view(story), goDeeper(story, 1, deeperSize)));
    }

    /** A story page's parts. */
    public record StoryPage(StoryView story, StreamPage deeper) {
        /** The story's own key and the keys of everything its Go deeper shows. */
        public Set<String> pageKeys() {
            Set<String> keys = new LinkedHashSet<>(story.pageKeys());
            keys.addAll(deeper.pageKeys());
            return keys;
        }
    }

    /** Go deeper under a live story: pins, then related stories and dashboards. */
    public StreamPage goDeeper(String storyId, int page, int size) {
        return stories.find(storyId)
                .filter(Story::isLive)
                .map(story -> goDeeper(story, page, size))
                .orElseGet(() -> new StreamPage(List.of(), page, false));
    }

    /** Pages within the one bounded ranking, loading only what the page shows. */
    private StreamPage goDeeper(Story story, int page, int size) {
        List<Ref> ranked = goDeeper.picks(story);
        int from = (int) Math.min((long) (page - 1) * size, ranked.size());
        int to = Math.min(from + size, ranked.size());
        List<Ref> shown = ranked.subList(from, to);
        Map<String, StreamItem> byId = new HashMap<>();
        cards(shown.stream()
                        .filter(p -> p.type() == SearchDocument.Type.STORY)
                        .map(Ref::id)
                        .toList())
                .forEach(c -> byId.put(c.id(), c));
        List<Dashboard> shownDashboards = shown.stream()
                .filter(p -> p.type() == SearchDocument.Type.DASHBOARD)
                .flatMap(p -> dashboards.find(p.id()).stream())
                .toList();
        List<DashboardView> views = dashboardViews(shownDashboards);
        for (int i = 0; i < shownDashboards.size(); i++) {
            byId.put(shownDashboards.get(i).id(), views.get(i));
        }
        List<StreamItem> items = shown.stream()
                .map(p -> byId.get(p.id()))
                .filter(Objects::nonNull)
                .toList();
        return new StreamPage(items, page, ranked.size() > to);
    }

    /**
     * Merges a story source with dashboards by stream order (time, then id) and cuts one page
     * after the cursor. Every item of the page is among the first size + 1 of its own source
     * after the cursor, so that many stories are enough, however deep the page.
     */
    private StreamSlice stream(StreamCursor after, IntFunction<List<StreamCursor>> source, List<Dashboard> extra) {
        // A story's place maps to null, a dashboard's to the dashboard.
        Map<StreamCursor, Dashboard> byPlace = new TreeMap<>();
        source.apply(PAGE_SIZE + 1).forEach(place -> byPlace.put(place, null));
        for (Dashboard d : extra) {
            StreamCursor place = new StreamCursor(d.updatedAt(), d.id());
            if (after == null || place.compareTo(after) > 0) {
                byPlace.put(place, d);
            }
        }
        List<StreamCursor> shown = byPlace.keySet().stream().limit(PAGE_SIZE).toList();
        List<String> shownStories = new ArrayList<>();
        List<Dashboard> shownDashboards = new ArrayList<>();
        for (StreamCursor place : shown) {
            Dashboard d = byPlace.get(place);
            if (d == null) {
                shownStories.add(place.id());
            } else {
                shownDashboards.add(d);
            }
        }
        Map<String, StreamItem> items = new HashMap<>();
        cards(shownStories).forEach(c -> items.put(c.id(), c));
        List<DashboardView> dashboardCards = dashboardViews(shownDashboards);
        for (int i = 0; i < shownDashboards.size(); i++) {
            items.put(shownDashboards.get(i).id(), dashboardCards.get(i));
        }
        boolean more = byPlace.size() > PAGE_SIZE;
        // A story taken down between the two reads is left out rather than shown as a hole.
        return new StreamSlice(
                shown.stream()
                        .map(place -> items.get(place.id()))
                        .filter(Objects::nonNull)
                        .toList(),
                after,
                more ? shown.getLast() : null);
    }

    private static List<String> ids(List<StreamCursor> places) {
        return places.stream().map(StreamCursor::id).toList();
    }

    private StoryView view(Story story) {
        return views(List.of(story)).getFirst();
    }

    /**
     * The stories' views with one query each for their images, bylines and topics, however many
     * stories there are, so a list of fifty costs about what one story does.
     */
    private List<StoryView> views(List<Story> list) {
        List<String> mediaIds = new ArrayList<>();
        List<String> authorIds = new ArrayList<>();
        for (Story story : list) {
            if (story.draft().hero() != null && story.draft().hero().hasMedia()) {
                mediaIds.add(story.draft().hero().mediaId());
            }
            story.draft().body().stream()
                    .filter(b -> b instanceof ImageBlock)
                    .forEach(b -> mediaIds.add(((ImageBlock) b).mediaId()));
            authorIds.addAll(story.draft().authorIds());
        }
        Map<String, Figure> allFigures = images(mediaIds);
        Map<String, Author> authorById = authors
                .findAll(authorIds.stream().distinct().toList())
                .stream()
                .collect(Collectors.toMap(Author::id, Function.identity()));
        // One story asks for its one topic, unless they are all kept; a list reads the few topics once.
        Map<String, Topic> topicById = list.size() != 1 || keptTopics != null
                ? topicsById()
                : Optional.ofNullable(list.getFirst().draft().topicId()).flatMap(topics::find).stream()
                        .collect(Collectors.toMap(Topic::id, Function.identity()));
        List<StoryView> out = new ArrayList<>(list.size());
        for (Story story : list) {
            Map<String, Figure> figures = new HashMap<>();
            ImageBlock hero = story.draft().hero();
            if (hero != null && hero.hasMedia() && allFigures.containsKey(hero.mediaId())) {
                figures.put(hero.mediaId(), allFigures.get(hero.mediaId()));
            }
            story.draft().body().stream()
                    .filter(b -> b instanceof ImageBlock i && allFigures.containsKey(i.mediaId()))
                    .forEach(b -> figures.put(((ImageBlock) b).mediaId(), allFigures.get(((ImageBlock) b).mediaId())));
            Figure heroFigure = hero == null || !figures.containsKey(hero.mediaId())
                    ? null
                    : figures.get(hero.mediaId()).placed(hero);
            List<Author> bylines = story.draft().authorIds().stream()
                    .filter(authorById::containsKey)
                    .map(authorById::get)
                    .toList();
            Topic topic = story.draft().topicId() == null
                    ? null
                    : topicById.get(story.draft().topicId());
            boolean updated = story.substantiveAt() != null;
            Instant shown = updated ? story.substantiveAt() : story.publishAt();
            // Search engines read the first publication as the story's date, however often it was
            // unpublished and republished since; a republication or substantive update is a modification.
            Instant published = story.firstPublishedAt() == null ? story.publishAt() : story.firstPublishedAt();
            Instant modified = latest(published, story.publishAt(), story.substantiveAt());
            out.add(new StoryView(
                    story.id(),
                    Urls.story(story, site.zone()),
                    story.headline(),
                    story.draft().dek(),
                    topic,
                    bylines,
                    heroFigure,
                    story.draft().body(),
                    figures,
                    bioLine(story, bylines),
                    published,
                    modified,
                    shown,
                    updated,
                    story.corrections(),
                    story.draft().tags(),
                    story.draft().kind().key(),
                    story.updatedAt()));
        }
        return out;
    }

    private static Instant latest(Instant... times) {
        Instant out = null;
        for (Instant t : times) {
            if (t != null && (out == null || t.isAfter(out))) {
                out = t;
            }
        }
        return out;
    }

    /** The story's own note, else the bio of its outside contributors: staff need no closing line. */
    private static String bioLine(Story story, List<Author> bylines) {
        if (story.draft().contributorNote() != null) {
            return story.draft().contributorNote();
        }
        String bios = bylines.stream()
                .filter(Author::contributor)
                .map(Author::bio)
                .filter(b -> b != null)
                .collect(Collectors.joining(" "));
        return bios.isEmpty() ? null : bios;
    }

    private Map<String, Topic> topicsById() {
        Map<String, Topic> byId = new HashMap<>();
        topics().forEach(t -> byId.put(t.id(), t));
        return byId;
    }

    private Map<String, Media> mediaById(List<String> ids) {
        return media.findAll(ids).stream().collect(Collectors.toMap(Media::id, Function.identity()));
    }

    /** The cards of those of these stories that are live, in the order given. */
    private List<StoryCard> cards(List<String> storyIds) {
        if (storyIds.isEmpty()) {
            return List.of();
        }
        Map<String, StoryTeaser> byId = new HashMap<>();
        stories.liveTeasers(storyIds).forEach(t -> byId.put(t.id(), t));
        List<StoryTeaser> list = storyIds.stream()
                .distinct()
                .filter(byId::containsKey)
                .map(byId::get)
                .toList();
        Map<String, Topic> topicById = topicsById();
        Map<String, Media> mediaById = mediaById(list.stream()
                .filter(s -> s.hero() != null && s.hero().hasMedia())
                .map(s -> s.hero().mediaId())
                .toList());
        List<StoryCard> out = new ArrayList<>(list.size());
        for (StoryTeaser s : list) {
            ImageBlock hero = s.hero();
            Figure image = hero == null || !mediaById.containsKey(hero.mediaId())
                    ? null
                    : Figure.of(mediaById.get(hero.mediaId())).placed(hero);
            boolean updated = s.substantiveAt() != null;
            out.add(new StoryCard(
                    s.id(),
                    Urls.story(s.firstPublishedAt(), s.slug(), site.zone()),
                    s.headline(),
                    topicById.get(s.topicId()),
                    image,
                    lede(s.opening()),
                    whyItMatters(s.opening()),
                    updated ? s.substantiveAt() : s.publishAt(),
                    updated));
        }
        return out;
    }

    private List<DashboardView> dashboardViews(List<Dashboard> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<String, Topic> topicById = topicsById();
        Map<String, Media> mediaById = mediaById(list.stream()
                .filter(d -> d.illustration() != null)
                .map(d -> d.illustration().mediaId())
                .toList());
        List<String> storyIds = list.stream()
                .flatMap(d -> d.items().stream())
                .flatMap(i -> i.entries().stream())
                .map(DashboardEntry::storyId)
                .filter(id -> id != null)
                .distinct()
                .toList();
        Map<String, StoryHeading> live = new HashMap<>();
        stories.liveHeadings(storyIds).forEach(s -> live.put(s.id(), s));
        List<DashboardView> out = new ArrayList<>();
        for (Dashboard d : list) {
            List<DashboardView.Item> items = new ArrayList<>();
            for (DashboardItem item : d.items()) {
                List<DashboardView.Link> links = new ArrayList<>();
                for (DashboardEntry e : item.entries()) {
                    if (e.url() != null) {
                        links.add(new DashboardView.Link(e.title(), e.url(), null));
                    } else if (live.containsKey(e.storyId())) {
                        StoryHeading s = live.get(e.storyId());
                        links.add(new DashboardView.Link(
                                e.title() != null ? e.title() : s.headline(),
                                Urls.story(s.firstPublishedAt(), s.slug(), site.zone()),
                                s.id()));
                    }
                }
                if (!links.isEmpty()) {
                    items.add(new DashboardView.Item(item.label(), links));
                }
            }
            ImageBlock ill = d.illustration();
            Figure figure = ill == null || !mediaById.containsKey(ill.mediaId())
                    ? null
                    : Figure.of(mediaById.get(ill.mediaId())).placed(ill);
            out.add(new DashboardView(
                    d.slug(),
                    Urls.dashboard(d.slug()),
                    d.title(),
                    d.intro(),
                    topicById.get(d.topicId()),
                    figure,
                    items,
                    d.updatedAt()));
        }
        return out;
    }

    static Inline lede(List<Block> body) {
        for (Block block : body) {
            if (block instanceof Paragraph p) {
                return p.text();
            }
            if (!(block instanceof ImageBlock)) {
                return null;
            }
        }
        return null;
    }

    static LeadIn whyItMatters(List<Block> body) {
        for (Block block : body) {
            if (block instanceof LeadIn l && l.label().equalsIgnoreCase(Labels.WHY_IT_MATTERS)) {
                return l;
            }
        }
        return null;
    }
}
