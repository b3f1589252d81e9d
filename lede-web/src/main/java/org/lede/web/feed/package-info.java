/**
 * Feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1) and sitemaps: what leaves the site besides its pages,
 * written with StAX or the one JSON writer, cached and purged like the pages they mirror.
 */
package org.lede.web.feed;
