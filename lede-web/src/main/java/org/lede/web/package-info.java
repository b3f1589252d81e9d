/** The HTTP server that carries the reader site, the newsroom and the API. */
package org.lede.web;
