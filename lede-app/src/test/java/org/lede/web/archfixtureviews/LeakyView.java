package org.lede.web.archfixtureviews;

import org.lede.web.archfixture.LeakyRoutes;

/** Closes a package cycle with LeakyRoutes for ArchitectureTest: a view that knows its route. */
public record LeakyView(LeakyRoutes routes) {}
