package org.lede.web.newsroom;

/** The parts of the newsroom's navigation; the current one is marked in the frame. */
public enum Section {
    STORIES,
    MEDIA,
    TOP,
    TOPICS,
    AUTHORS,
    DASHBOARDS,
    PAGES,
    USERS,
    AUDIT,
    WEBHOOKS,
    IMPORT,
    ACCOUNT,
    SIGN_IN
}
