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
import org.lede.content.ImageBlock;
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
        subcommands = {
            ImportCommand.Text.class,
            WxrImport.class,
            RssImport.class,
            GhostImport.class,
            TransferCommands.Import.class
        })
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
                Services services = settings.services(db, dataDir, Clock.systemUTC());
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
                String headline =
                        found.headline() != null ? found.headline() : PasteStructurer.proposedHeadline(found.body());
                // The caption and credit are the hero's; its image is chosen in the newsroom.
                ImageBlock hero = found.heroCaption() == null && found.heroCredit() == null
                        ? null
                        : ImageBlock.awaitingImage(found.heroCaption(), found.heroCredit());
                StoryDraft draft = new StoryDraft(
                        headline,
                        null,
                        null,
                        topicId,
                        List.of(),
                        StoryKind.NEWS,
                        List.of(),
                        found.bioLine(),
                        hero,
                        found.body());
                Story story = services.storyService().createDraft(Actor.SYSTEM, draft);
                var out = spec.commandLine().getOut();
                out.println("id: " + story.id());
                out.println("slug: " + story.slug());
                out.println("headline: " + story.headline()
                        + (found.headline() == null ? " (from the lede; edit it in the newsroom)" : ""));
                out.println(PasteStructurer.describe(found).strip());
                if (hero != null) {
                    out.println("saved the hero caption and credit; choose its image in the newsroom");
                }
                out.flush();
            }
            return 0;
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
