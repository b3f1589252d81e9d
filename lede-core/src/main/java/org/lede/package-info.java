/** The core object graph over one database. */
package org.lede;
