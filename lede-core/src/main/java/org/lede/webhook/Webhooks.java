package org.lede.webhook;

/**
 * The parts of webhooks one server runs: the admins' commands, the outbox consumer that makes
 * deliveries ({@link WebhookFanOut#CONSUMER}) and the dispatcher that sends them.
 */
public record Webhooks(WebhookService service, WebhookFanOut fanOut, WebhookDispatcher dispatcher) {}
