package org.lede.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.lede.Services;
import org.lede.authoring.PasteStructurer;
import org.lede.content.Block;
import org.lede.content.Paragraph;
import org.lede.db.Database;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryKind;
import org.lede.topic.Topic;
import org.lede.user.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Bring outside material into the newsroom.",
        subcommands = ImportCommand.Text.class)
final class ImportCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "text",
            mixinStandardHelpOptions = true,
            description =
                    "Turn a UTF-8 text file, pasted from a story page, into a draft story and print the structure found.")
    static final class Text implements Callable<Integer> {
        private static final int HEADLINE_FROM_LEDE = 120;

        @Mixin
        Settings settings;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The text file.")
        Path file;

        @Option(names = "--topic", paramLabel = "SLUG", description = "The topic of the draft, by its slug.")
        String topic;

        @Override
        public Integer call() {
            String text = readUtf8(file);
            PasteStructurer.Structured found = PasteStructurer.structure(text);
            if (found.body().isEmpty()) {
                throw new StartupException(file + " holds no story text.");
            }
            Path dataDir = settings.writableDataDir();
            try (Database db = Database.open(settings.database(dataDir))) {
                Services services = Services.create(db, dataDir.resolve("media"), Clock.systemUTC());
                String topicId = null;
                if (topic != null) {
                    topicId = services.topics()
                            .findBySlug(topic)
                            .map(Topic::id)
                            .orElseThrow(() -> new StartupException("there is no topic \"" + topic
                                    + "\"; known topics: "
                                    + String.join(
                                            ", ",
                                            services.topics().all().stream()
                                                    .map(Topic::slug)
                                                    .toList()) + "."));
                }
                String headline = found.headline() != null ? found.headline() : headlineFromLede(found.body());
                StoryDraft draft = new StoryDraft(
                        headline,
                        null,
                        null,
                        topicId,
                        List.of(),
                        StoryKind.NEWS,
                        List.of(),
                        found.bioLine(),
                        null,
                        found.body());
                Story story = services.storyService().createDraft(Actor.SYSTEM, draft);
                var out = spec.commandLine().getOut();
                out.println("id: " + story.id());
                out.println("slug: " + story.slug());
                out.println("headline: " + story.headline()
                        + (found.headline() == null ? " (from the lede; edit it in the newsroom)" : ""));
                out.println(PasteStructurer.describe(found).strip());
                out.flush();
            }
            return 0;
        }

        static String headlineFromLede(List<Block> body) {
            String lede = body.stream()
                    .filter(b -> b instanceof Paragraph)
                    .map(Block::plainText)
                    .findFirst()
                    .orElse(body.getFirst().plainText())
                    .strip();
            int end = lede.indexOf(". ");
            String sentence = end > 0 ? lede.substring(0, end) : lede.replaceAll("\\.$", "");
            return sentence.length() <= HEADLINE_FROM_LEDE
                    ? sentence
                    : sentence.substring(0, sentence.lastIndexOf(' ', HEADLINE_FROM_LEDE)) + "…";
        }

        static String readUtf8(Path file) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                return StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString()
                        .replaceFirst("^\uFEFF", "");
            } catch (NoSuchFileException e) {
                throw new StartupException("no such file: " + file + ".");
            } catch (CharacterCodingException e) {
                throw new StartupException(file + " is not UTF-8 text.");
            } catch (IOException e) {
                throw new StartupException("cannot read " + file + ": " + e.getMessage() + ".");
            }
        }
    }
}
