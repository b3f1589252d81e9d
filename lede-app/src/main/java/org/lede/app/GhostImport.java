package org.lede.app;

import java.io.IOException;
import java.nio.file.Path;
import org.lede.importing.RemoteFiles;
import org.lede.importing.SourceReader;
import org.lede.importing.ghost.GhostSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "ghost",
        mixinStandardHelpOptions = true,
        description = {
            "Import a Ghost export (Settings > Labs > Export your content): posts and pages in Lexical or"
                    + " mobiledoc form, their tags, authors and feature images. Running it again with the same file"
                    + " changes nothing; posts changed on Ghost since are updated.",
            "Images come from the site's content/images folder (--media-dir) and, with --download-media, from"
                    + " their addresses; the others are reported."
        })
final class GhostImport extends SourceImport {
    @Parameters(paramLabel = "FILE", description = "The JSON file Ghost exported.")
    Path file;

    @Override
    String format() {
        return "ghost";
    }

    @Override
    long size() throws IOException {
        return sizeOf(file);
    }

    @Override
    SourceReader open(RemoteFiles remote) {
        return new GhostSource(() -> openFile(file), file.toString());
    }
}
