/** The JDBI adapter of the site's pages; the body is kept as the story document's block JSON. */
package org.lede.page.store;
