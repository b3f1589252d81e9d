/** The JDBI adapter for webhook endpoints and deliveries. */
package org.lede.webhook.store;
