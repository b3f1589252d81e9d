/** Topics: the sections of the site. */
package org.lede.topic;
