package org.lede.web.feed;

import org.lede.reading.StoryView;

/** The story whose body {@code feed/story-html.jte} renders, its addresses already absolute. */
public record StoryHtmlModel(StoryView story) {}
