package org.lede.content;

/**
 * One block of a story body. Stories are stored as these typed blocks, never as HTML, so every
 * output (page, feed, API) keeps the structure and the structure can be checked.
 */
public sealed interface Block permits Paragraph, LeadIn, ListBlock, Quote, ImageBlock, Subhead, Embed {
    /** The block's type name as stored and sent over the API. */
    String type();

    /** The block's words without styling, for counts and search. */
    String plainText();
}
