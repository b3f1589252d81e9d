package org.lede.story;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.lede.common.Check;
import org.lede.common.Slugs;
import org.lede.common.ValidationException;
import org.lede.content.Block;
import org.lede.content.ImageBlock;

/**
 * The fields a writer edits. A draft may be incomplete (no topic, no hero); the rules that
 * only publishing needs are checked by {@link StoryService#publish}.
 *
 * @param slug null to derive one from the headline
 */
public record StoryDraft(
        String headline,
        String dek,
        String slug,
        String topicId,
        List<String> tags,
        StoryKind kind,
        List<String> authorIds,
        String contributorNote,
        ImageBlock hero,
        List<Block> body) {
    public static final int HEADLINE_MAX = 200;
    public static final int DEK_MAX = 400;

    public StoryDraft {
        headline = Check.maxLength("headline", Check.required("headline", headline), HEADLINE_MAX);
        dek = Check.maxLength("dek", Check.optional(dek), DEK_MAX);
        slug = Check.optional(slug) == null ? null : Slugs.check("slug", slug.strip());
        topicId = Check.optional(topicId);
        tags = normalizeTags(tags);
        kind = kind == null ? StoryKind.NEWS : kind;
        authorIds = List.copyOf(new LinkedHashSet<>(Check.list(authorIds)));
        contributorNote = Check.maxLength("contributorNote", Check.optional(contributorNote), 400);
        body = Check.list(body);
        if (body.stream().anyMatch(b -> b instanceof ImageBlock image && !image.hasMedia())) {
            throw new ValidationException("body", "An image in the text must name its media item.");
        }
    }

    /** A draft with just a headline and body, for imports and tests. */
    public static StoryDraft of(String headline, List<Block> body) {
        return new StoryDraft(headline, null, null, null, List.of(), StoryKind.NEWS, List.of(), null, null, body);
    }

    public StoryDraft withSlug(String newSlug) {
        return new StoryDraft(headline, dek, newSlug, topicId, tags, kind, authorIds, contributorNote, hero, body);
    }

    public StoryDraft withTopic(String newTopicId) {
        return new StoryDraft(headline, dek, slug, newTopicId, tags, kind, authorIds, contributorNote, hero, body);
    }

    public StoryDraft withAuthors(List<String> newAuthorIds) {
        return new StoryDraft(headline, dek, slug, topicId, tags, kind, newAuthorIds, contributorNote, hero, body);
    }

    public StoryDraft withHeadline(String newHeadline) {
        return new StoryDraft(newHeadline, dek, slug, topicId, tags, kind, authorIds, contributorNote, hero, body);
    }

    public StoryDraft withHero(ImageBlock newHero) {
        return new StoryDraft(headline, dek, slug, topicId, tags, kind, authorIds, contributorNote, newHero, body);
    }

    public StoryDraft withBody(List<Block> newBody) {
        return new StoryDraft(headline, dek, slug, topicId, tags, kind, authorIds, contributorNote, hero, newBody);
    }

    private static List<String> normalizeTags(List<String> tags) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String tag : Check.list(tags)) {
            if (tag != null && !tag.isBlank()) {
                out.add(Slugs.check("tag", Slugs.slugify(tag.strip().toLowerCase(Locale.ROOT))));
            }
        }
        return List.copyOf(out);
    }
}
