package org.lede.web.newsroom;

/** A newsroom page's typed model: the frame every page has, and the template that draws it. */
public interface NewsroomView {
    NewsroomPage page();

    String template();
}
