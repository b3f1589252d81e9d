/**
 * Writing story bodies as text: {@link org.lede.authoring.AuthoringText} is the lossless
 * Markdown-like form writers edit, and {@link org.lede.authoring.PasteStructurer} turns plain
 * text pasted from a news page into blocks.
 */
package org.lede.authoring;
