package org.lede.web.newsroom;

import java.util.List;
import org.lede.story.Story;

/** The stories a finder matched; a fragment, also shown inside its page. */
public record StoryMatchesModel(List<Story> stories, String query) {}
