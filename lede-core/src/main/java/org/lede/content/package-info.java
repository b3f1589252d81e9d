/** The content model: inline text, the block types of a story body, and image credits. Immutable records that validate themselves. */
package org.lede.content;
