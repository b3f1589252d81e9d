/** The JDBI adapter for topics. */
package org.lede.topic.store;
