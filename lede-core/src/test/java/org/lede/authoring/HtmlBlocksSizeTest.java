package org.lede.authoring;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Apart from {@link HtmlBlocksTest}, whose mutation runs would time it out. Alone it takes about two seconds;
 * the bound leaves room for a busy machine and still fails a conversion that grows faster than the input.
 */
class HtmlBlocksSizeTest {
    @Test
    void aFiveMegabytePasteConvertsInBoundedTime() {
        StringBuilder html = new StringBuilder();
        for (int n = 0; html.length() < 5_000_000; n++) {
            html.append("<p class=MsoNormal><span style='font-size:12pt'>Paragraph ")
                    .append(n)
                    .append(" with <b>bold</b> and <a href=\"https://e.com/")
                    .append(n)
                    .append("\">a link</a>&nbsp;text.</span><o:p></o:p></p>\n<ul><li>item</li></ul><!--[if x]-->");
        }
        HtmlBlocks.Result result =
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> HtmlBlocks.convert(html.toString()));
        assertTrue(result.blocks().size() > 40_000, "every paragraph and list arrives");
    }
}
