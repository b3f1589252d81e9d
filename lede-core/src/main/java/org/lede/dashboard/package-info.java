/** Dashboards: curated, numbered hubs of linked headlines. */
package org.lede.dashboard;
