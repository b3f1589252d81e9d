package org.lede.web.reader;

/** A reader page's typed model and the template that draws it. */
public interface ReaderModel {
    String template();
}
