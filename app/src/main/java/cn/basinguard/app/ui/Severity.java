package cn.basinguard.app.ui;

import cn.basinguard.core.check.IndicatorResult;
import cn.basinguard.core.check.Verdict;
import java.util.List;

/**
 * How grave a status or verdict is, for sorting the status columns and for their colour: 0 passes (green), 1 is not
 * judged (plain), 2 holds under conditions (amber, 有条件符合), 3 fails (red). Sorting by it puts the worst last (or
 * first, descending), whatever the words are in the chosen language.
 */
final class Severity {
    static final List<String> STYLE_CLASSES = List.of("status-pass", "status-other", "status-conditional", "status-fail");

    private Severity() {
    }

    static int of(IndicatorResult.Status s) {
        return switch (s) {
            case PASS -> 0;
            case NO_TARGET, NO_DATA -> 1;
            case FAIL -> 3;
        };
    }

    /** 未核查 (a site outside the data) was not judged: between 符合 and 有条件符合, in plain colour. */
    static int of(Verdict.Level level) {
        return switch (level) {
            case PASS -> 0;
            case NOT_CHECKED -> 1;
            case CONDITIONAL -> 2;
            case FAIL -> 3;
        };
    }

    static String styleClass(int severity) {
        return STYLE_CLASSES.get(severity);
    }
}
