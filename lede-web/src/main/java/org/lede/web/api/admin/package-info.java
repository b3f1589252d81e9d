/**
 * The admin API under {@code /api/admin/v1/}: what the newsroom does, for scripts and other
 * tools, authenticated by personal API tokens and carried out by the same service commands as
 * the newsroom's forms. Described with the content API in {@code /api/openapi.json}.
 */
package org.lede.web.api.admin;
