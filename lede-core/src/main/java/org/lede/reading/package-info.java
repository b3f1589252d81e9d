/** Read models of the reader site, built from published state only. */
package org.lede.reading;
