package cn.basinguard.core.map;

import cn.basinguard.core.check.LayerRole;
import java.awt.Color;

/**
 * Styles by role, the way Chinese planning maps draw the control lines: permanent basic farmland yellow with
 * hatching, the ecological red line green with a red outline, water blue, basin units as a bold labelled outline.
 */
public final class DefaultStyles {
    /** Selections and encroachments: a thick orange outline over a light orange veil, above everything. */
    public static final LayerStyle HIGHLIGHT = new LayerStyle(new Color(255, 120, 0, 90), new Color(255, 90, 0), 3f, Hatch.NONE, null, 0,
            PointSymbol.CIRCLE, 12, null, 0);

    /** Imagery has no style of its own; this one's grey swatch stands for it in a legend. */
    public static final LayerStyle IMAGERY = new LayerStyle(new Color(150, 150, 150), null, 0f, Hatch.NONE, null, 0,
            PointSymbol.SQUARE, 6, null, 0);

    private DefaultStyles() {
    }

    public static LayerStyle forRole(LayerRole role) {
        if (role == null) {
            return new LayerStyle(new Color(200, 200, 200, 120), new Color(110, 110, 110), 0.8f, Hatch.NONE, null, 0,
                    PointSymbol.CIRCLE, 6, null, 0);
        }
        return switch (role) {
            // land use under everything: drawn by land class (LandClassColours) where it has DLBM, this pale fill otherwise
            case LAND_USE -> new LayerStyle(new Color(236, 232, 214), new Color(175, 170, 150), 0.3f, Hatch.NONE, null, 0,
                    PointSymbol.SQUARE, 6, null, 0);
            case CULTIVATED -> new LayerStyle(new Color(214, 232, 160), new Color(160, 185, 100), 0.4f, Hatch.NONE, null, 0,
                    PointSymbol.SQUARE, 6, null, 0);
            case BASIC_FARMLAND -> new LayerStyle(new Color(245, 211, 75, 220), new Color(190, 150, 20), 0.5f, Hatch.DIAGONAL,
                    new Color(150, 110, 0, 200), 6, PointSymbol.SQUARE, 6, null, 0);
            case ECO_REDLINE -> new LayerStyle(new Color(60, 160, 80, 110), new Color(220, 30, 30), 1.2f, Hatch.NONE, null, 0,
                    PointSymbol.SQUARE, 6, null, 0);
            case RESERVOIRS -> new LayerStyle(new Color(120, 180, 235), new Color(40, 110, 190), 0.8f, Hatch.NONE, null, 0,
                    PointSymbol.CIRCLE, 6, new Color(20, 70, 140), 11);
            case UNITS -> new LayerStyle(null, new Color(40, 40, 60), 2.6f, Hatch.NONE, null, 0, PointSymbol.CIRCLE, 6,
                    new Color(30, 30, 50), 18);
            case SECTIONS -> new LayerStyle(new Color(0, 150, 200), new Color(0, 60, 100), 1f, Hatch.NONE, null, 0,
                    PointSymbol.TRIANGLE, 11, new Color(0, 60, 100), 11);
            case SITES -> new LayerStyle(new Color(230, 0, 160, 50), new Color(200, 0, 140), 1.8f, Hatch.NONE, null, 0,
                    PointSymbol.SQUARE, 8, new Color(150, 0, 110), 11);
        };
    }
}
