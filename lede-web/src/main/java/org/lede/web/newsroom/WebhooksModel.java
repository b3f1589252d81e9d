package org.lede.web.newsroom;

import java.util.List;
import org.lede.web.newsroom.WebhookRoutes.WebhookForm;
import org.lede.webhook.WebhookEndpoint;
import org.lede.webhook.WebhookEventTypes;

/** The webhooks page: the endpoints and the form that registers one. */
public record WebhooksModel(
        NewsroomPage page, List<WebhookEndpoint> endpoints, WebhookForm form, List<WebhookEventTypes.Type> types)
        implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/webhooks.jte";
    }
}
