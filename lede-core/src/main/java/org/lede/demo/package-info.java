/** The demo newsroom, written for Lede and loaded through the same services as real work. */
package org.lede.demo;
