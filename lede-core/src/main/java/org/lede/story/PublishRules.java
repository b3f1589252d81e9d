package org.lede.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.lede.author.Author;
import org.lede.author.AuthorStore;
import org.lede.common.ValidationException;
import org.lede.content.Block;
import org.lede.content.ImageBlock;
import org.lede.media.Media;
import org.lede.media.MediaStore;
import org.lede.topic.TopicStore;

/**
 * What a story must satisfy: references that exist (checked on every save) and the stricter
 * rules that only going live needs, such as every image having alt text and a credit.
 */
public final class PublishRules {
    private final TopicStore topics;
    private final AuthorStore authors;
    private final MediaStore media;

    public PublishRules(TopicStore topics, AuthorStore authors, MediaStore media) {
        this.topics = topics;
        this.authors = authors;
        this.media = media;
    }

    void checkReferences(StoryDraft draft) {
        placesOfNew(draft);
    }

    /**
     * Checks the references, as {@link #checkReferences} does, and says where readers will meet a
     * story of this draft not stored yet, from the same lookups: its topic's and its authors'
     * pages, since no dashboard lists it and no story pins it before it exists.
     */
    StoryPlaces placesOfNew(StoryDraft draft) {
        String topicSlug = null;
        if (draft.topicId() != null) {
            topicSlug = topics.find(draft.topicId())
                    .orElseThrow(() -> new ValidationException(
                            "topic", "There is no topic with the id \"" + draft.topicId() + "\"."))
                    .slug();
        }
        List<Author> named = authors.findAll(draft.authorIds());
        if (named.size() != draft.authorIds().size()) {
            throw new ValidationException("authors", "One of the story's authors does not exist.");
        }
        for (ImageBlock image : images(draft)) {
            if (image.hasMedia() && media.find(image.mediaId()).isEmpty()) {
                throw new ValidationException(
                        "image", "There is no media item with the id \"" + image.mediaId() + "\".");
            }
        }
        return new StoryPlaces(topicSlug, named.stream().map(Author::slug).toList(), List.of(), List.of());
    }

    void checkPublishable(StoryDraft draft) {
        checkReferences(draft);
        List<ValidationException> problems = problems(draft);
        if (!problems.isEmpty()) {
            throw problems.getFirst();
        }
    }

    /** Everything that blocks publishing this draft, in the order a writer would fix it; empty when it may go live. */
    public List<ValidationException> problems(StoryDraft draft) {
        return problems(draft, media::find);
    }

    /** {@link #archiveProblems(StoryDraft, Function)} with the media library's own images. */
    public List<ValidationException> archiveProblems(StoryDraft draft) {
        return archiveProblems(draft, media::find);
    }

    /**
     * The same, with the draft's images looked up in {@code library}: a dry run of an import asks
     * of images it has not stored what a real run would find.
     */
    public List<ValidationException> problems(StoryDraft draft, Function<String, Optional<Media>> library) {
        return problems(draft, library, false);
    }

    /**
     * What keeps a story that another site already published from staying published when it is
     * imported. Its images went out without alt text or credit before Lede, as an archive's often
     * did: asking for them would take the archive off the site, so an import reports them instead
     * (see {@link #problems}), and the next editor to update the story meets them as usual.
     */
    public List<ValidationException> archiveProblems(StoryDraft draft, Function<String, Optional<Media>> library) {
        return problems(draft, library, true);
    }

    private List<ValidationException> problems(
            StoryDraft draft, Function<String, Optional<Media>> library, boolean archive) {
        List<ValidationException> out = new ArrayList<>();
        if (draft.topicId() == null) {
            out.add(new ValidationException("topic", "Choose a topic before publishing."));
        }
        if (draft.authorIds().isEmpty()) {
            out.add(new ValidationException("authors", "Add at least one author before publishing."));
        }
        if (draft.body().isEmpty()) {
            out.add(new ValidationException("body", "The story has no text yet."));
        }
        for (ImageBlock image : images(draft)) {
            if (!image.hasMedia()) {
                out.add(new ValidationException(
                        "heroMedia",
                        "The hero has a caption or credit but no image: choose one from the media library, or clear"
                                + " them."));
                continue;
            }
            Media item = library.apply(image.mediaId()).orElse(null);
            if (item == null) {
                out.add(new ValidationException("image", "An image refers to a media item that does not exist."));
                continue;
            }
            if (archive) {
                continue;
            }
            if (image.alt() == null && !item.hasAlt()) {
                out.add(new ValidationException(
                        "image",
                        "Add alt text to the image \"" + describe(image, item)
                                + "\" before publishing: readers who cannot see it rely on it."));
            }
            if (image.credit() == null) {
                out.add(new ValidationException(
                        "image", "Credit the image \"" + describe(image, item) + "\" before publishing."));
            }
        }
        return out;
    }

    /**
     * The draft with the media library's alt text copied into every image that has none of its
     * own, so what is saved is what readers will see until the story is saved again.
     */
    StoryDraft withAltText(StoryDraft draft) {
        if (images(draft).stream().allMatch(i -> i.alt() != null)) {
            return draft;
        }
        ImageBlock hero = draft.hero() == null ? null : withAlt(draft.hero());
        List<Block> body = draft.body().stream()
                .map(b -> b instanceof ImageBlock image ? withAlt(image) : b)
                .toList();
        return draft.withHero(hero).withBody(body);
    }

    private ImageBlock withAlt(ImageBlock image) {
        if (image.alt() != null || !image.hasMedia()) {
            return image;
        }
        return media.find(image.mediaId()).map(m -> image.withAlt(m.alt())).orElse(image);
    }

    private static String describe(ImageBlock image, Media item) {
        if (image.caption() != null) {
            return image.caption();
        }
        return item.originalName() != null ? item.originalName() : item.id();
    }

    private static List<ImageBlock> images(StoryDraft draft) {
        List<ImageBlock> out = new ArrayList<>();
        if (draft.hero() != null) {
            out.add(draft.hero());
        }
        for (Block block : draft.body()) {
            if (block instanceof ImageBlock image) {
                out.add(image);
            }
        }
        return out;
    }
}
