/**
 * The story document's one JSON shape: blocks, inline spans, credits and whole stories. Storage
 * keeps revisions in it and the APIs and export send it, so a reader of one reads the others.
 */
package org.lede.story.json;
