package cn.basinguard.app.ui;

import cn.basinguard.core.report.Figures;
import java.util.function.DoubleFunction;

/**
 * The unit the result tables show areas in: 亩 by default, as planners count land, or m² and 公顷. Every figure is
 * rounded from the unrounded m² by {@link Figures}, as on the sheets.
 */
enum AreaUnit {
    MU("unit.mu", Figures::muText),
    SQUARE_METRE("unit.m2", Figures::m2Text),
    HECTARE("unit.ha", Figures::hectareText);

    private final String key;
    private final DoubleFunction<String> format;

    AreaUnit(String key, DoubleFunction<String> format) {
        this.key = key;
        this.format = format;
    }

    /** The unit's name as shown: 亩, m², 公顷. */
    String label() {
        return UiText.get(key);
    }

    /** The area given in m², in this unit, as text; a dash for NaN (a figure that was not measured). */
    String format(double m2) {
        return Double.isNaN(m2) ? "—" : format.apply(m2);
    }
}
