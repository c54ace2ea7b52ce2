package cn.basinguard.core.crs;

import java.util.Objects;
import java.util.Optional;
import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * A coordinate reference system as BasinGuard needs to know it: what to call it in both languages, which datum it
 * sits on and, for Gauss–Krüger grids, which zone. Coordinates are always easting/longitude first (x) and
 * northing/latitude second (y), as in GeoPackage and JTS, whatever axis order EPSG declares.
 * Instances come from {@link CrsRegistry}; equal EPSG codes give the same instance.
 */
public final class Crs {
    private final int epsg;
    private final String nameEn;
    private final String nameZh;
    private final boolean geographic;
    private final DatumFamily datum;
    private final GaussKruger gaussKruger;
    private final java.util.function.Supplier<CoordinateReferenceSystem> proj;
    private final BursaWolf shift;

    /**
     * @param proj the proj4j definition, asked for when a transformation first needs it: proj4j's start (its registry
     *             of projections, then a scan of its EPSG file) costs ~0.25 s, which a check of data that is already in
     *             the working grid never needs to pay
     */
    Crs(int epsg, String nameEn, String nameZh, boolean geographic, DatumFamily datum, GaussKruger gaussKruger,
        java.util.function.Supplier<CoordinateReferenceSystem> proj) {
        this(epsg, nameEn, nameZh, geographic, datum, gaussKruger, proj, null);
    }

    private Crs(int epsg, String nameEn, String nameZh, boolean geographic, DatumFamily datum, GaussKruger gaussKruger,
                java.util.function.Supplier<CoordinateReferenceSystem> proj, BursaWolf shift) {
        this.shift = shift;
        this.epsg = epsg;
        this.nameEn = Objects.requireNonNull(nameEn);
        this.nameZh = Objects.requireNonNull(nameZh);
        this.geographic = geographic;
        this.datum = Objects.requireNonNull(datum);
        this.gaussKruger = gaussKruger;
        this.proj = Objects.requireNonNull(proj);
    }

    /** The EPSG code, 0 when the CRS has none. */
    public int epsg() {
        return epsg;
    }

    public String nameEn() {
        return nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public boolean isGeographic() {
        return geographic;
    }

    public boolean isProjected() {
        return !geographic;
    }

    public DatumFamily datum() {
        return datum;
    }

    /** The zone when this is a Gauss–Krüger grid, empty for geographic and other projected CRSs. */
    public Optional<GaussKruger> gaussKruger() {
        return Optional.ofNullable(gaussKruger);
    }

    public boolean isGaussKruger() {
        return gaussKruger != null;
    }

    /** The proj4j definition used for transformations (its x is easting/longitude). */
    public CoordinateReferenceSystem proj() {
        return proj.get();
    }

    /** How trustworthy a move of these coordinates to CGCS2000 is. */
    public DatumShift datumShiftToCgcs2000() {
        return shift != null ? DatumShift.PUBLISHED : datum.shiftToCgcs2000();
    }

    /**
     * The same CRS with the seven parameters that move its datum to CGCS2000 (as the user gave them); this CRS when
     * the parameters are for another datum.
     */
    public Crs withDatumShift(BursaWolf parameters) {
        if (parameters == null || parameters.datum() != datum) {
            return this;
        }
        return new Crs(epsg, nameEn, nameZh, geographic, datum, gaussKruger, proj, parameters);
    }

    /** The seven parameters this CRS's coordinates are moved to CGCS2000 with, or empty. */
    public Optional<BursaWolf> datumShift() {
        return Optional.ofNullable(shift);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Crs other && epsg != 0 && epsg == other.epsg && Objects.equals(shift, other.shift);
    }

    @Override
    public int hashCode() {
        return epsg != 0 ? epsg * 31 + Objects.hashCode(shift) : System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return (epsg != 0 ? "EPSG:" + epsg + " " : "") + nameEn;
    }
}
