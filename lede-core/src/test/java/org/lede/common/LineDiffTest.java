package org.lede.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lede.common.LineDiff.Line;
import org.lede.common.LineDiff.Op;

class LineDiffTest {
    @Test
    void marksAddedAndRemovedLinesAroundCommonOnes() {
        assertEquals(
                List.of(
                        new Line(Op.SAME, "a"),
                        new Line(Op.REMOVED, "b"),
                        new Line(Op.ADDED, "x"),
                        new Line(Op.SAME, "c"),
                        new Line(Op.ADDED, "d")),
                LineDiff.diff("a\nb\nc", "a\nx\nc\nd"));
    }

    @Test
    void identicalTextsHaveNoChanges() {
        assertFalse(LineDiff.changed(LineDiff.diff("one\ntwo", "one\ntwo")));
    }
}
