/** The JDBI adapter for dashboards. */
package org.lede.dashboard.store;
