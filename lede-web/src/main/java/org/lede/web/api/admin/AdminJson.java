package org.lede.web.api.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lede.author.Author;
import org.lede.common.ValidationException;
import org.lede.content.Block;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.dashboard.Dashboard;
import org.lede.dashboard.DashboardEntry;
import org.lede.dashboard.DashboardItem;
import org.lede.db.Times;
import org.lede.media.Media;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryKind;
import org.lede.story.json.BlockJson;
import org.lede.topic.Topic;

/**
 * The admin API's wire shapes, other than the story document itself, which is
 * {@link org.lede.story.json.StoryJson}'s: blocks, images and credits are always
 * {@link BlockJson}'s, so a story or dashboard reads the same here, in storage and in export.
 */
final class AdminJson {
    /** The members a story's fields are sent in. */
    static final Set<String> DRAFT = Set.of(
            "headline", "dek", "slug", "topicId", "tags", "kind", "authorIds", "contributorNote", "hero", "body");
    /**
     * The members of a story as the API sends it that a client cannot set; accepted and ignored,
     * so a story read with GET can be changed and sent back whole.
     */
    static final Set<String> STORY_READ_ONLY = Set.of(
            "id",
            "status",
            "publishAt",
            "firstPublishedAt",
            "substantiveAt",
            "createdAt",
            "updatedAt",
            "createdBy",
            "revision",
            "corrections",
            "pins",
            "blockedReason");

    static final Set<String> IMAGE = Set.of("type", "mediaId", "caption", "credit", "alt");

    private AdminJson() {}

    static StoryDraft draft(JsonBody b) {
        ImageBlock hero = b.has("hero") ? image(b, "hero") : null;
        List<Block> body = List.of();
        if (b.has("body")) {
            if (!b.raw("body").isArray()) {
                throw new ValidationException(b.path("body"), "\"body\" must be an array of blocks.");
            }
            try {
                body = BlockJson.readList(b.raw("body"));
            } catch (ValidationException e) {
                throw new ValidationException(b.path("body"), e.getMessage());
            }
        }
        return new StoryDraft(
                b.text("headline"),
                b.text("dek"),
                b.text("slug"),
                b.text("topicId"),
                b.strings("tags"),
                b.has("kind") ? StoryKind.parse(b.text("kind")) : null,
                b.strings("authorIds"),
                b.text("contributorNote"),
                hero,
                body);
    }

    static ImageBlock image(JsonBody b, String name) {
        b.object(name, IMAGE);
        try {
            return BlockJson.readImage(b.raw(name));
        } catch (ValidationException e) {
            throw new ValidationException(b.path(name), e.getMessage());
        }
    }

    static Credit credit(JsonBody b, String name) {
        b.object(name, Set.of("kind", "by", "via"));
        try {
            return BlockJson.readCredit(b.raw(name));
        } catch (ValidationException e) {
            throw new ValidationException(b.path(name), e.getMessage());
        }
    }

    static ObjectNode summary(Story s) {
        ObjectNode node = JsonBody.MAPPER.createObjectNode();
        node.put("id", s.id());
        node.put("slug", s.slug());
        node.put("headline", s.headline());
        node.put("status", s.status().key());
        node.put("kind", s.draft().kind().key());
        node.put("revision", s.revision());
        node.put("topicId", s.draft().topicId());
        ArrayNode authors = node.putArray("authorIds");
        s.draft().authorIds().forEach(authors::add);
        node.put("createdBy", s.createdBy());
        node.put("createdAt", Times.format(s.createdAt()));
        node.put("updatedAt", Times.format(s.updatedAt()));
        node.put("publishAt", Times.format(s.publishAt()));
        node.put("firstPublishedAt", Times.format(s.firstPublishedAt()));
        node.put("blockedReason", s.blockedReason());
        return node;
    }

    static ObjectNode media(Media m) {
        ObjectNode node = JsonBody.MAPPER.createObjectNode();
        node.put("id", m.id());
        node.put("type", m.type().name().toLowerCase(Locale.ROOT));
        node.put("width", m.width());
        node.put("height", m.height());
        node.put("byteSize", m.byteSize());
        node.put("sha256", m.sha256());
        node.put("alt", m.alt());
        node.put("caption", m.defaultCaption());
        if (m.defaultCredit() == null) {
            node.putNull("credit");
        } else {
            node.set("credit", BlockJson.credit(m.defaultCredit()));
        }
        node.put("originalName", m.originalName());
        node.put("createdAt", Times.format(m.createdAt()));
        return node;
    }

    static ObjectNode topic(Topic t) {
        ObjectNode node = JsonBody.MAPPER.createObjectNode();
        node.put("id", t.id());
        node.put("slug", t.slug());
        node.put("name", t.name());
        node.put("description", t.description());
        node.put("position", t.position());
        return node;
    }

    static ObjectNode author(Author a) {
        ObjectNode node = JsonBody.MAPPER.createObjectNode();
        node.put("id", a.id());
        node.put("slug", a.slug());
        node.put("name", a.name());
        node.put("title", a.title());
        node.put("bio", a.bio());
        node.put("avatarMediaId", a.avatarMediaId());
        node.put("contributor", a.contributor());
        return node;
    }

    static ObjectNode dashboard(Dashboard d) {
        ObjectNode node = JsonBody.MAPPER.createObjectNode();
        node.put("id", d.id());
        node.put("slug", d.slug());
        node.put("title", d.title());
        node.put("intro", d.intro());
        node.put("topicId", d.topicId());
        if (d.illustration() == null) {
            node.putNull("illustration");
        } else {
            node.set("illustration", BlockJson.writeImage(JsonBody.MAPPER.createObjectNode(), d.illustration()));
        }
        ArrayNode items = node.putArray("items");
        for (DashboardItem item : d.items()) {
            ObjectNode i = items.addObject();
            i.put("label", item.label());
            ArrayNode entries = i.putArray("entries");
            for (DashboardEntry entry : item.entries()) {
                ObjectNode e = entries.addObject();
                if (entry.storyId() != null) {
                    e.put("storyId", entry.storyId());
                } else {
                    e.put("url", entry.url());
                    e.put("title", entry.title());
                }
            }
        }
        node.put("createdAt", Times.format(d.createdAt()));
        node.put("updatedAt", Times.format(d.updatedAt()));
        node.put("revision", d.revision());
        return node;
    }

    static ObjectNode list(List<ObjectNode> items, String next) {
        ObjectNode node = JsonBody.MAPPER.createObjectNode();
        items.forEach(node.putArray("items")::add);
        node.put("next", next);
        return node;
    }
}
