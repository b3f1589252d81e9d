/** Stories and their workflow: drafts, review, publishing, scheduling, updates, corrections, revisions. */
package org.lede.story;
