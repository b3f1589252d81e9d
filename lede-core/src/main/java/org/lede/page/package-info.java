/** The site's own pages (About, Contact, Privacy, Corrections policy): records, service and store port. */
package org.lede.page;
