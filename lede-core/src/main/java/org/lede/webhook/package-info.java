/**
 * Webhooks: endpoints admins register, deliveries made from the outbox, signed per Standard
 * Webhooks, sent in order per subject, retried for a day, and never to addresses inside the
 * network Lede runs in.
 */
package org.lede.webhook;
