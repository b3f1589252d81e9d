/** The JDBI adapter for stories. */
package org.lede.story.store;
