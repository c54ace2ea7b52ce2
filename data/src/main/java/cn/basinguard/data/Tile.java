package cn.basinguard.data;

import org.locationtech.jts.geom.Envelope;

/**
 * A block of grid positions [i0, i1) × [j0, j1) handled as one unit of work; {@code index} is its place in the write
 * order ({@link TiledLayout#tiles()}: row by row from the south, west to east).
 */
record Tile(int index, int i0, int i1, int j0, int j1) {
    boolean owns(int i, int j) {
        return i >= i0 && i < i1 && j >= j0 && j < j1;
    }

    /** The area the tile's cells can reach: its nodes' extent grown by {@code margin} metres. */
    Envelope extent(CellGrid g, double margin) {
        return new Envelope(g.x0 + i0 * g.spacing - margin, g.x0 + (i1 - 1) * g.spacing + margin,
                g.y0 + j0 * g.spacing - margin, g.y0 + (j1 - 1) * g.spacing + margin);
    }
}
