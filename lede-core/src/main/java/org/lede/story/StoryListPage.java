package org.lede.story;

import java.util.List;
import org.lede.common.Check;

/**
 * One page of the newsroom's story list, newest save first.
 *
 * @param newer where the page before this one ends, or null on the first page
 * @param older where the next page starts, or null on the last page
 */
public record StoryListPage(List<Story> stories, StoryCursor newer, StoryCursor older) {
    public StoryListPage {
        stories = Check.list(stories);
    }
}
