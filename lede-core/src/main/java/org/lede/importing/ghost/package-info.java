/**
 * The Ghost importer's reader: a Ghost JSON export (Ghost 1.x to 5.x and on) read as a stream of
 * {@link org.lede.importing.SourceItem}s, its Lexical and mobiledoc documents rendered to the HTML
 * that {@link org.lede.authoring.HtmlBlocks} reads.
 */
package org.lede.importing.ghost;
