package org.lede.web.archfixture;

import org.lede.Services;
import org.lede.archfixture.BypassesPorts;
import org.lede.story.StoryStore;
import org.lede.web.archfixtureviews.LeakyView;

/**
 * Breaks the route rules for ArchitectureTest: a route class taking all of Services and a store, and
 * a web package in a cycle with another (LeakyView) and with the core (BypassesPorts).
 */
public final class LeakyRoutes {
    private final Services services;
    private final StoryStore stories;
    private final BypassesPorts helper;

    public LeakyRoutes(Services services, StoryStore stories, BypassesPorts helper) {
        this.services = services;
        this.stories = stories;
        this.helper = helper;
    }

    public LeakyView view() {
        return new LeakyView(this);
    }

    @Override
    public String toString() {
        return services + " " + stories + " " + helper;
    }
}
