package org.lede.app;

import java.io.IOException;
import java.nio.file.Path;
import org.lede.importing.RemoteFiles;
import org.lede.importing.SourceReader;
import org.lede.importing.WxrSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "wxr",
        mixinStandardHelpOptions = true,
        description = {
            "Import a WordPress export (Tools > Export > All content): posts, pages, their authors, categories,"
                    + " tags and images. Running it again with the same file changes nothing; posts changed on"
                    + " WordPress since are updated.",
            "Images come from the export's uploads folder (--media-dir) and, with --download-media, from their"
                    + " addresses; the others are reported."
        })
final class WxrImport extends SourceImport {
    @Parameters(paramLabel = "FILE", description = "The WXR file WordPress exported.")
    Path file;

    @Override
    String format() {
        return "wxr";
    }

    @Override
    long size() throws IOException {
        return sizeOf(file);
    }

    @Override
    SourceReader open(RemoteFiles remote) {
        return new WxrSource(() -> openFile(file), file.toString());
    }
}
