/** The command line and the wiring of the running application. */
package org.lede.app;
