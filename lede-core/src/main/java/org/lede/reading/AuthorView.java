package org.lede.reading;

import org.lede.author.Author;

/** An author page's head: who they are; their stories come as a stream. */
public record AuthorView(Author author, String url) {
}
