package org.lede.web.newsroom;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.lede.web.newsroom.WebhookRoutes.WebhookForm;
import org.lede.webhook.WebhookDelivery;
import org.lede.webhook.WebhookEndpoint;
import org.lede.webhook.WebhookEventTypes;

/**
 * One endpoint: its subscription form, its switches and its delivery log.
 *
 * @param secret the signing secret just made at registration, shown this once; else null
 */
public record WebhookModel(
        NewsroomPage page,
        WebhookEndpoint endpoint,
        WebhookForm form,
        List<WebhookDelivery> deliveries,
        List<WebhookEventTypes.Type> types,
        String secret,
        ZoneId zone)
        implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/webhook.jte";
    }

    /** A time as the newsroom reads it, to the second, in the site's zone. */
    public String time(Instant at) {
        return at == null
                ? ""
                : at.atZone(zone).toLocalDateTime().withNano(0).toString().replace('T', ' ');
    }
}
