package cn.basinguard.core.gpkg;

import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;

/**
 * The geometry factory of everything read from files. Coordinates are packed in one double[] per ring (16 bytes a
 * vertex in 2D) rather than one object per vertex (about 44 bytes): a county's farmland layer has millions of
 * vertices, and the garbage collector's copying of them was most of the reading time.
 */
final class Geometries {
    static final GeometryFactory FACTORY = new GeometryFactory(PackedCoordinateSequenceFactory.DOUBLE_FACTORY);

    private Geometries() {
    }
}
