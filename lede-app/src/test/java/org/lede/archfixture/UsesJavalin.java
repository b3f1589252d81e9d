package org.lede.archfixture;

import io.javalin.http.Context;

/** Breaks the framework-free core rule for ArchitectureTest: a core package reaching for Javalin. */
public final class UsesJavalin {
    private UsesJavalin() {}

    public static String path(Context ctx) {
        return ctx.path();
    }
}
