/**
 * What the newsroom reads, with the roles applied: lists, finders and pickers show a writer or
 * contributor only what they may open, so no route has to remember the rule.
 */
package org.lede.newsroom;
