/** Ids, slugs, argument checks and the exceptions that adapters translate into HTTP statuses or exit codes. */
package org.lede.common;
