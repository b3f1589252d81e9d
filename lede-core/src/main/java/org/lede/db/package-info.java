/** The database: connection pool, migrations, and transactions that stores join. */
package org.lede.db;
