/**
 * Writing story bodies as text: {@link org.lede.authoring.AuthoringText} is the lossless
 * Markdown-like form writers edit, {@link org.lede.authoring.PasteStructurer} turns plain
 * text pasted from a news page into blocks, and {@link org.lede.authoring.HtmlBlocks} turns HTML
 * (imports and pastes) into blocks with a report of what it simplified.
 */
package org.lede.authoring;
