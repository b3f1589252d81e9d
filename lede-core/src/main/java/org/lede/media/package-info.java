/** Images: uploads checked by their bytes, content-addressed originals, renditions made once. */
package org.lede.media;
