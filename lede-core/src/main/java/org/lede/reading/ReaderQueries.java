package org.lede.reading;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lede.author.Author;
import org.lede.author.AuthorStore;
import org.lede.content.Block;
import org.lede.content.ImageBlock;
import org.lede.content.Inline;
import org.lede.content.Labels;
import org.lede.content.LeadIn;
import org.lede.content.Paragraph;
import org.lede.media.Media;
import org.lede.media.MediaStore;
import org.lede.story.Story;
import org.lede.story.StoryStore;
import org.lede.topic.Topic;
import org.lede.topic.TopicStore;

/**
 * The read side of the reader site: builds page and card views from published state only.
 * Drafts, scheduled and unpublished stories are invisible here.
 */
public final class ReaderQueries {
    private final StoryStore stories;
    private final TopicStore topics;
    private final AuthorStore authors;
    private final MediaStore media;
    private final SiteSettings site;
    private final Clock clock;

    public ReaderQueries(StoryStore stories, TopicStore topics, AuthorStore authors, MediaStore media,
                         SiteSettings site, Clock clock) {
        this.stories = stories;
        this.topics = topics;
        this.authors = authors;
        this.media = media;
        this.site = site;
        this.clock = clock;
    }

    public SiteSettings site() {
        return site;
    }

    public Instant now() {
        return clock.instant();
    }

    public List<Topic> topics() {
        return topics.all();
    }

    /** The live story with this slug, or empty. */
    public Optional<StoryView> story(String slug) {
        return stories.findBySlug(slug).filter(Story::isLive).map(this::view);
    }

    public List<StoryCard> latest(int limit, int offset) {
        return cards(stories.latestPublished(limit, offset));
    }

    private StoryView view(Story story) {
        List<String> mediaIds = new ArrayList<>();
        if (story.draft().hero() != null) {
            mediaIds.add(story.draft().hero().mediaId());
        }
        story.draft().body().stream().filter(b -> b instanceof ImageBlock)
                .forEach(b -> mediaIds.add(((ImageBlock) b).mediaId()));
        Map<String, Figure> figures = media.findAll(mediaIds).stream()
                .collect(Collectors.toMap(Media::id, Figure::of));
        ImageBlock hero = story.draft().hero();
        Figure heroFigure = hero == null || !figures.containsKey(hero.mediaId()) ? null : figures.get(hero.mediaId()).placed(hero);
        List<Author> bylines = authors.findAll(story.draft().authorIds());
        Topic topic = story.draft().topicId() == null ? null : topics.find(story.draft().topicId()).orElse(null);
        boolean updated = story.substantiveAt() != null;
        Instant modified = updated ? story.substantiveAt() : story.publishAt();
        return new StoryView(story.id(), Urls.story(story, site.zone()), story.headline(), story.draft().dek(), topic,
                bylines, heroFigure, story.draft().body(), figures, bioLine(story, bylines), story.publishAt(), modified,
                modified, updated, story.corrections(), story.draft().tags());
    }

    /** The story's own note, else the bio of its outside contributors: staff need no closing line. */
    private static String bioLine(Story story, List<Author> bylines) {
        if (story.draft().contributorNote() != null) {
            return story.draft().contributorNote();
        }
        String bios = bylines.stream().filter(Author::contributor).map(Author::bio).filter(b -> b != null)
                .collect(Collectors.joining(" "));
        return bios.isEmpty() ? null : bios;
    }

    private List<StoryCard> cards(List<Story> list) {
        Set<String> topicIds = new LinkedHashSet<>();
        List<String> mediaIds = new ArrayList<>();
        for (Story s : list) {
            if (s.draft().topicId() != null) {
                topicIds.add(s.draft().topicId());
            }
            if (s.draft().hero() != null) {
                mediaIds.add(s.draft().hero().mediaId());
            }
        }
        Map<String, Topic> topicById = new HashMap<>();
        topics.all().forEach(t -> topicById.put(t.id(), t));
        Map<String, Media> mediaById = media.findAll(mediaIds).stream().collect(Collectors.toMap(Media::id, Function.identity()));
        List<StoryCard> out = new ArrayList<>(list.size());
        for (Story s : list) {
            ImageBlock hero = s.draft().hero();
            Figure image = hero == null || !mediaById.containsKey(hero.mediaId()) ? null
                    : Figure.of(mediaById.get(hero.mediaId())).placed(hero);
            boolean updated = s.substantiveAt() != null;
            out.add(new StoryCard(Urls.story(s, site.zone()), s.headline(), topicById.get(s.draft().topicId()), image,
                    lede(s.draft().body()), whyItMatters(s.draft().body()), updated ? s.substantiveAt() : s.publishAt(),
                    updated));
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
