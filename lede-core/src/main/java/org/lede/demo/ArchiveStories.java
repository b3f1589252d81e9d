package org.lede.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.lede.author.Author;
import org.lede.common.Slugs;
import org.lede.content.Block;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.content.Inline;
import org.lede.content.Labels;
import org.lede.content.LeadIn;
import org.lede.content.ListBlock;
import org.lede.content.ListItem;
import org.lede.content.Paragraph;
import org.lede.content.Quote;
import org.lede.content.Subhead;
import org.lede.demo.ArchiveWords.Person;
import org.lede.demo.ArchiveWords.TopicWords;
import org.lede.media.Media;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryKind;
import org.lede.story.StoryStatus;
import org.lede.topic.Topic;
import org.lede.user.Actor;

/**
 * Generated published stories, each a pure function of the seed, its sequence number and its
 * place in the run: the same seed over the same base gives the same stories, byte for byte.
 * Stories of one run go from oldest to newest over twenty years before {@code end}, denser
 * recently (the density grows linearly with time), so ids, which start with the creation time,
 * arrive almost in order.
 */
final class ArchiveStories {
    private static final int PEOPLE_PER_TOPIC = 40;
    private static final char[] ULID = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final ArchiveWords words;
    private final ArchiveBase base;
    private final long seed;
    private final int first;
    private final int count;
    private final Instant end;
    private final List<String> towns = new ArrayList<>();
    private final Map<String, List<Person>> people = new HashMap<>();
    private final Map<String, List<Author>> beats = new HashMap<>();

    /**
     * @param first the sequence number of this run's first story (the stories already stored),
     *     which makes its slugs unique in the database
     */
    ArchiveStories(ArchiveWords words, ArchiveBase base, long seed, int first, int count, Instant end) {
        this.words = words;
        this.base = base;
        this.seed = seed;
        this.first = first;
        this.count = count;
        this.end = end;
        for (String start : words.list("place-starts")) {
            for (String ending : words.list("place-ends")) {
                towns.add(start + ending);
            }
        }
        // The cast of public figures is the same for every seed: it is the world the archive reports on.
        for (Topic topic : base.topics()) {
            List<Person> cast = new ArrayList<>();
            for (String line : words.list("notable-people")) {
                String[] parts = line.split("\\|");
                if (parts[0].equals(topic.slug())) {
                    cast.add(new Person(parts[1], parts[2]));
                }
            }
            Random fixed = new Random(topic.slug().hashCode());
            List<String> roles = words.topic(topic.slug()).roles();
            while (cast.size() < PEOPLE_PER_TOPIC) {
                cast.add(new Person(
                        pick(fixed, words.list("first-names")) + " " + pick(fixed, words.list("last-names")),
                        pick(fixed, roles)));
            }
            people.put(topic.id(), cast);
        }
        for (int i = 0; i < base.staff().size(); i++) {
            Topic beat = base.topics().get(i % base.topics().size());
            beats.computeIfAbsent(beat.id(), k -> new ArrayList<>())
                    .add(base.staff().get(i));
        }
    }

    /** The {@code i}th story of the run, {@code 0 <= i < count}. */
    Story story(int i) {
        SplittableRandom rng = new SplittableRandom(mix(seed) ^ mix(first + (long) i + 0x5DEECE66DL));
        Instant published = publishedAt(i, rng);
        Instant created = published.minus(Duration.ofMinutes(5 + rng.nextInt(175)));
        Topic topic = base.topics().get(rng.nextInt(base.topics().size()));
        StoryKind kind = kind(rng);
        Text text = new Text(rng, topic, published);
        List<Author> byline = byline(rng, topic, kind);
        String headline = text.headline(kind);
        String slug = slug(headline, first + i);
        Media image = base.images().get(rng.nextInt(base.images().size()));
        Credit credit = image.defaultCredit() != null
                ? image.defaultCredit()
                : Credit.illustration(text.pick("credits-by"), "Lede");
        ImageBlock hero = new ImageBlock(image.id(), text.fill(text.pick("captions")), credit, image.alt());
        StoryDraft draft = new StoryDraft(
                headline,
                text.fill("{actor} {past} the {adj} {subject} {time}, {clause}."),
                slug,
                topic.id(),
                text.tags(rng.nextInt(100)),
                kind,
                byline.stream().map(Author::id).toList(),
                kind == StoryKind.OPINION ? byline.getFirst().bio() : null,
                hero,
                text.body(kind));
        return new Story(
                ulid(created, rng),
                draft,
                StoryStatus.PUBLISHED,
                published,
                published,
                null,
                created,
                published,
                Actor.SYSTEM.userId(),
                1,
                List.of(),
                List.of(),
                null);
    }

    private Instant publishedAt(int i, SplittableRandom rng) {
        double share = Math.sqrt((i + rng.nextDouble()) / count);
        long back = (long) ((1.0 - share) * DemoArchive.SPAN.toMillis());
        return end.minusMillis(Math.max(1, back));
    }

    private static StoryKind kind(SplittableRandom rng) {
        int roll = rng.nextInt(100);
        if (roll < 50) {
            return StoryKind.NEWS;
        }
        if (roll < 70) {
            return StoryKind.EXPLAINER;
        }
        return roll < 90 ? StoryKind.ANALYSIS : StoryKind.OPINION;
    }

    private List<Author> byline(SplittableRandom rng, Topic topic, StoryKind kind) {
        if (kind == StoryKind.OPINION) {
            return List.of(
                    base.contributors().get(rng.nextInt(base.contributors().size())));
        }
        List<Author> beat = beats.getOrDefault(topic.id(), base.staff());
        Set<Author> byline = new LinkedHashSet<>();
        byline.add(beat.get(rng.nextInt(beat.size())));
        int roll = rng.nextInt(100);
        int size = roll < 70 ? 1 : roll < 92 ? 2 : 3;
        while (byline.size() < Math.min(size, base.staff().size())) {
            byline.add(base.staff().get(rng.nextInt(base.staff().size())));
        }
        return List.copyOf(byline);
    }

    /** The headline's words, cut to leave room for the sequence number that keeps the slug unique. */
    private static String slug(String headline, long sequence) {
        String words = Slugs.slugify(headline);
        if (words.length() > 64) {
            words = words.substring(0, 64).replaceAll("-[^-]*$", "");
        }
        return words + "-" + sequence;
    }

    private static String ulid(Instant created, SplittableRandom rng) {
        char[] out = new char[26];
        long time = created.toEpochMilli();
        for (int i = 9; i >= 0; i--) {
            out[i] = ULID[(int) (time & 31)];
            time >>>= 5;
        }
        long high = rng.nextLong();
        long low = rng.nextLong();
        for (int i = 17; i >= 10; i--) {
            out[i] = ULID[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ULID[(int) (low & 31)];
            low >>>= 5;
        }
        return new String(out);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String pick(Random random, List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** One story's words: its place, subject, people and institutions stay the same throughout. */
    private final class Text {
        private final SplittableRandom rng;
        private final TopicWords topic;
        private final int year;
        private final String place;
        private final String placeTag;
        private final String place2;
        private final String place3;
        private final String subject;
        private final String subject2;
        private final String actor;
        private final String org;
        private final String group;
        private final String group2;
        private final String concern;
        private final String adj;
        private final String[] verb;
        private final Person person;
        private final Person person2;

        Text(SplittableRandom rng, Topic topic, Instant published) {
            this.rng = rng;
            this.topic = words.topic(topic.slug());
            this.year = published.atZone(ZoneOffset.UTC).getYear();
            int where = rng.nextInt(100);
            if (topic.slug().equals("world") && where < 80) {
                place = pick("countries");
                placeTag = place;
            } else if (where < 40) {
                place = pick("regions");
                placeTag = place;
            } else {
                place = towns.get(rng.nextInt(towns.size()));
                placeTag = null;
            }
            place2 = towns.get(rng.nextInt(towns.size()));
            place3 = pick("regions");
            subject = pick(this.topic.subjects());
            subject2 = pick(this.topic.subjects());
            actor = pick(this.topic.actors());
            String orgPlace = place.startsWith("the ") ? place.substring(4) : place;
            org = capitalize(orgPlace) + " " + pick("org-types");
            group = pick("groups");
            group2 = pick("groups");
            concern = pick("concerns");
            adj = pick("adjectives");
            verb = pick("verbs").split("\\|");
            List<Person> cast = people.get(topic.id());
            // Most stories quote the topic's recurring figures; some meet someone new.
            person = rng.nextInt(100) < 80
                    ? cast.get(rng.nextInt(cast.size()))
                    : new Person(pick("first-names") + " " + pick("last-names"), pick(this.topic.roles()));
            person2 = cast.get(rng.nextInt(cast.size()));
        }

        String pick(String list) {
            return pick(words.list(list));
        }

        String pick(List<String> list) {
            return list.get(rng.nextInt(list.size()));
        }

        String headline(StoryKind kind) {
            String list = switch (kind) {
                case NEWS -> "headlines";
                case EXPLAINER -> "headlines-explainer";
                case ANALYSIS -> "headlines-analysis";
                case OPINION -> "headlines-opinion";
            };
            String headline = fill(pick(list));
            return headline.length() <= StoryDraft.HEADLINE_MAX
                    ? headline
                    : headline.substring(0, StoryDraft.HEADLINE_MAX);
        }

        List<String> tags(int roll) {
            int size = roll < 10 ? 0 : roll < 25 ? 1 : roll < 50 ? 2 : roll < 75 ? 3 : roll < 90 ? 4 : 5;
            List<String> candidates = new ArrayList<>();
            candidates.add(subject);
            if (placeTag != null) {
                candidates.add(placeTag);
            }
            candidates.add(concern);
            candidates.add(subject2);
            candidates.add(place3);
            candidates.add(group);
            Set<String> tags = new LinkedHashSet<>();
            for (String candidate : candidates) {
                if (tags.size() == size) {
                    break;
                }
                tags.add(Slugs.slugify(candidate));
            }
            return List.copyOf(tags);
        }

        List<Block> body(StoryKind kind) {
            List<Block> body = new ArrayList<>();
            body.add(paragraph(fill("{actor} {past} the {adj} {subject} {time}, {clause}.") + " " + sentence()));
            body.add(leadIn(Labels.WHY_IT_MATTERS, fill(pick("why-it-matters")) + optionalSentence()));
            List<String> labels = new ArrayList<>(words.list("lead-ins"));
            int leadIns = 1 + rng.nextInt(2);
            for (int n = 0; n < leadIns; n++) {
                String label = labels.remove(rng.nextInt(labels.size()));
                body.add(leadIn(label, sentence() + optionalSentence()));
            }
            int roll = rng.nextInt(100);
            if (kind == StoryKind.EXPLAINER && roll < 60) {
                body.add(paragraph(pick("step-intros")));
                body.add(list(true));
            } else if (roll < 60) {
                body.add(paragraph(pick("list-intros")));
                body.add(list(false));
            }
            if (rng.nextInt(100) < 35) {
                Person speaker = rng.nextBoolean() ? person : person2;
                body.add(new Quote(Inline.plain(fill(pick("quotes"))), speaker.attribution()));
            }
            if (kind == StoryKind.EXPLAINER || kind == StoryKind.ANALYSIS) {
                int sections = 1 + rng.nextInt(2);
                for (int n = 0; n < sections; n++) {
                    body.add(new Subhead(fill(pick("subheads"))));
                    body.add(paragraph(sentence() + " " + sentence() + optionalSentence()));
                    body.add(paragraph(sentence() + optionalSentence()));
                }
            } else {
                int extra = 1 + rng.nextInt(2);
                for (int n = 0; n < extra; n++) {
                    body.add(paragraph(sentence() + " " + sentence() + optionalSentence()));
                }
            }
            if (kind == StoryKind.ANALYSIS || kind == StoryKind.OPINION) {
                body.add(leadIn("The bottom line", fill(pick("bottom-lines"))));
            } else {
                body.add(leadIn("What's next", fill(pick("whats-next"))));
            }
            return body;
        }

        private ListBlock list(boolean ordered) {
            int size = 3 + rng.nextInt(3);
            List<ListItem> items = new ArrayList<>();
            List<String> labels = new ArrayList<>(words.list("item-labels"));
            for (int n = 0; n < size; n++) {
                String label = ordered ? null : labels.remove(rng.nextInt(labels.size()));
                items.add(new ListItem(label, Inline.plain(sentence())));
            }
            return new ListBlock(ordered, items);
        }

        private String sentence() {
            return fill(pick("sentences"));
        }

        private String optionalSentence() {
            return rng.nextBoolean() ? " " + sentence() : "";
        }

        private static Paragraph paragraph(String text) {
            return new Paragraph(Inline.plain(text));
        }

        private static LeadIn leadIn(String label, String text) {
            return new LeadIn(label, Inline.plain(text));
        }

        /** Replaces each {slot} of a template; the first letter of the result is a capital. */
        String fill(String template) {
            return capitalize(expand(template));
        }

        private String expand(String template) {
            StringBuilder out = new StringBuilder(template.length() + 64);
            int at = 0;
            while (at < template.length()) {
                int open = template.indexOf('{', at);
                if (open < 0) {
                    out.append(template, at, template.length());
                    break;
                }
                int close = template.indexOf('}', open);
                out.append(template, at, open);
                out.append(slot(template.substring(open + 1, close)));
                at = close + 1;
            }
            return out.toString();
        }

        private String slot(String name) {
            return switch (name) {
                case "place" -> place;
                case "place2" -> place2;
                case "place3" -> place3;
                case "subject" -> subject;
                case "subject2" -> subject2;
                case "actor" -> actor;
                case "actor_short" -> pick("actor-shorts");
                case "actor_short_cap" -> capitalize(pick("actor-shorts"));
                case "org" -> org;
                case "group" -> group;
                case "group_cap" -> capitalize(group);
                case "group2" -> group2;
                case "concern" -> concern;
                case "adj" -> adj;
                case "base" -> verb[0];
                case "present" -> verb[1];
                case "present_cap" -> capitalize(verb[1]);
                case "past" -> verb[2];
                case "person" -> person.introduced();
                case "surname" -> person.surname();
                case "time" -> pick("times");
                case "deadline" -> pick("deadlines");
                case "clause" -> expand(pick("clauses"));
                case "month" -> pick("months");
                case "ordinal" -> pick("ordinals");
                case "year" -> Integer.toString(year - 1 - rng.nextInt(12));
                case "nextyear" -> Integer.toString(year + 1);
                case "small" -> Integer.toString(2 + rng.nextInt(11));
                case "tiny" -> Integer.toString(2 + rng.nextInt(5));
                case "count" -> String.format(Locale.ROOT, "%,d", (1 + rng.nextInt(400)) * 100);
                case "money" -> money();
                case "pct" -> (1 + rng.nextInt(60)) + "%";
                case "vote" -> {
                    int yes = 4 + rng.nextInt(6);
                    yield yes + "-" + rng.nextInt(yes);
                }
                default ->
                    throw new IllegalStateException("The archive's templates name an unknown slot {" + name + "}");
            };
        }

        private String money() {
            int roll = rng.nextInt(10);
            if (roll < 6) {
                return "$" + (2 + rng.nextInt(240)) + " million";
            }
            if (roll < 8) {
                return "$" + (1 + rng.nextInt(9)) + "." + rng.nextInt(10) + " billion";
            }
            return String.format(Locale.ROOT, "$%,d", (5 + rng.nextInt(900)) * 1000);
        }
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
