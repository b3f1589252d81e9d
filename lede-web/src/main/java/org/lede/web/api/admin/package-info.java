/**
 * The admin API under {@code /api/admin/v1/}: what the newsroom does, for scripts and other
 * tools, authenticated by personal API tokens and carried out by the same service commands as
 * the newsroom's forms. Described by {@code openapi-admin.json} beside these classes.
 */
package org.lede.web.api.admin;
