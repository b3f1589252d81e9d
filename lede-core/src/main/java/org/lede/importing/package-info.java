/** Importers: bring another system's export (a WordPress WXR file) in through the newsroom's own commands. */
package org.lede.importing;
