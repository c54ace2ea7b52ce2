package cn.basinguard.core.map;

/** How point features are drawn. */
public enum PointSymbol {
    CIRCLE, TRIANGLE, SQUARE
}
