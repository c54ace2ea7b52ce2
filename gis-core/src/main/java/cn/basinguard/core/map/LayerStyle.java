package cn.basinguard.core.map;

import java.awt.Color;

/**
 * How one layer is drawn; immutable, so a frame painted on another thread can never see a half-edited style.
 *
 * @param fill the polygon fill, with its alpha; null for none
 * @param stroke the outline colour; null for none
 * @param strokeWidth outline width in pixels (points in print)
 * @param hatch lines over the fill
 * @param hatchSpacing pixels between hatch lines
 * @param symbol how points are drawn
 * @param symbolSize point symbol size in pixels
 * @param labelColor null for no labels
 * @param labelSize label size in pixels
 */
public record LayerStyle(Color fill, Color stroke, float strokeWidth, Hatch hatch, Color hatchColor, float hatchSpacing,
                         PointSymbol symbol, float symbolSize, Color labelColor, float labelSize) {

    public LayerStyle withFill(Color c) {
        return new LayerStyle(c, stroke, strokeWidth, hatch, hatchColor, hatchSpacing, symbol, symbolSize, labelColor, labelSize);
    }

    public LayerStyle withStroke(Color c, float width) {
        return new LayerStyle(fill, c, width, hatch, hatchColor, hatchSpacing, symbol, symbolSize, labelColor, labelSize);
    }

    public LayerStyle withLabels(Color c, float size) {
        return new LayerStyle(fill, stroke, strokeWidth, hatch, hatchColor, hatchSpacing, symbol, symbolSize, c, size);
    }

    public boolean labelled() {
        return labelColor != null;
    }
}
