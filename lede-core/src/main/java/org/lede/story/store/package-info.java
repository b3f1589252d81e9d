/** The JDBI adapter for stories, and the JSON form of blocks and whole stories. */
package org.lede.story.store;
