package org.lede.web.newsroom;

import io.javalin.http.Context;
import java.util.List;
import org.lede.authoring.AuthoringText;
import org.lede.common.Check;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryKind;

/**
 * The story editor's fields as the writer typed them. Kept as text so a form with an error is
 * shown again exactly as it was sent; {@link #toDraft} turns it into the content model.
 */
public record StoryForm(
        String headline,
        String dek,
        String slug,
        String topicId,
        String tags,
        String kind,
        List<String> authorIds,
        String contributorNote,
        String heroMediaId,
        String heroCaption,
        String heroCredit,
        String body) {

    static StoryForm from(Context ctx) {
        return new StoryForm(
                Forms.value(ctx, "headline"),
                Forms.value(ctx, "dek"),
                Forms.value(ctx, "slug"),
                Forms.value(ctx, "topic"),
                Forms.value(ctx, "tags"),
                Forms.value(ctx, "kind"),
                ctx.formParams("authors"),
                Forms.value(ctx, "contributorNote"),
                Forms.value(ctx, "heroMedia"),
                Forms.value(ctx, "heroCaption"),
                Forms.value(ctx, "heroCredit"),
                Forms.value(ctx, "body"));
    }

    public static StoryForm of(Story story) {
        StoryDraft d = story.draft();
        ImageBlock hero = d.hero();
        return new StoryForm(
                d.headline(),
                orEmpty(d.dek()),
                d.slug(),
                orEmpty(d.topicId()),
                String.join(", ", d.tags()),
                d.kind().key(),
                d.authorIds(),
                orEmpty(d.contributorNote()),
                hero == null || !hero.hasMedia() ? "" : hero.mediaId(),
                hero == null ? "" : orEmpty(hero.caption()),
                hero == null || hero.credit() == null ? "" : hero.credit().render(),
                AuthoringText.format(d.body()));
    }

    public static StoryForm empty() {
        return new StoryForm("", "", "", "", "", "news", List.of(), "", "", "", "", "");
    }

    /** @throws org.lede.common.ValidationException naming the field and what to fix */
    StoryDraft toDraft() {
        ImageBlock hero = null;
        String mediaId = Check.optional(heroMediaId);
        Credit credit = Check.optional(heroCredit) == null ? null : Credit.parse(heroCredit);
        // A caption and credit without an image are kept for the image someone will choose.
        if (mediaId != null || Check.optional(heroCaption) != null || credit != null) {
            hero = new ImageBlock(mediaId == null ? null : mediaId.strip(), heroCaption, credit);
        }
        return new StoryDraft(
                headline,
                dek,
                Check.optional(slug),
                Check.optional(topicId),
                List.of(tags.split(",")),
                StoryKind.parse(Check.optional(kind) == null ? "news" : kind),
                authorIds,
                contributorNote,
                hero,
                AuthoringText.parse(body));
    }

    public boolean hasAuthor(String id) {
        return authorIds.contains(id);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
