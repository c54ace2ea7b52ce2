package cn.basinguard.core.gpkg;

import org.locationtech.jts.geom.Geometry;

/**
 * Decodes plain (ISO) WKB, as databases give it ({@code ST_AsBinary}), through the same path as GeoPackage blobs after
 * their header: polygons by the fast reader, curves made straight, the rest by JTS. One decoder per thread.
 */
public final class WkbDecoder {
    private final GeometryBlobDecoder decoder;

    /** A decoder into the factory of everything read from files (packed coordinates). */
    public WkbDecoder() {
        this.decoder = new GeometryBlobDecoder(Geometries.FACTORY);
    }

    /**
     * The geometry of {@code wkb}, with {@code srid} set on it.
     *
     * @throws BlobException when the bytes are not a geometry
     */
    public Geometry decode(byte[] wkb, int srid) throws BlobException {
        Geometry g = decoder.decodeWkb(wkb, 0);
        g.setSRID(srid);
        return g;
    }

    /** Whether the last geometry held curves, now approximated by straight segments. */
    public boolean lastWasLinearized() {
        return decoder.lastWasLinearized();
    }

    /** Whether the last geometry had a polygon ring that did not end at its first point (now closed). */
    public boolean lastHadUnclosedRing() {
        return decoder.lastHadUnclosedRing();
    }
}
