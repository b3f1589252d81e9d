/** What every web adapter shares: templates, assets, error answers, JSON. */
package org.lede.web.support;
