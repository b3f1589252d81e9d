/** The public reader site and its media. */
package org.lede.web.reader;
