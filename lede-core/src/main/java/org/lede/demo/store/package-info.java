/** The bulk writer of generated archives, in SQL. */
package org.lede.demo.store;
