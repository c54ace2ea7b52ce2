package cn.basinguard.core.map;

/** A hatch over a fill, drawn as vector lines so that it stays sharp in PDF and on paper. */
public enum Hatch {
    NONE, DIAGONAL, CROSS, HORIZONTAL
}
