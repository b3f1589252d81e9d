/**
 * Where the server may connect when someone else chose the URL: the address rules and the one
 * resolver-and-check that webhooks and importers share.
 */
package org.lede.net;
