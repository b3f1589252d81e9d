/** The JDBI adapter for API tokens. */
package org.lede.token.store;
