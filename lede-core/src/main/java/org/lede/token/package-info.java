/** Personal API tokens: made, listed and revoked by their members, and checked on each admin API request. */
package org.lede.token;
