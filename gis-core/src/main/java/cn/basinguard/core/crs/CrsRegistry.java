package cn.basinguard.core.crs;

import cn.basinguard.core.GisException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.proj.LongLatProjection;

/**
 * The CRSs Chinese land data is delivered in, by EPSG code, with names and Gauss–Krüger zone facts that proj4j does
 * not carry. The zone facts come from the EPSG numbering rules (cn-standards §3); the projection maths comes from
 * proj4j-epsg's own definitions, and a test checks the two agree for every code.
 */
public final class CrsRegistry {
    /** proj4j's factory: made on first use, its start (a registry of ~100 projection classes) costs ~0.15 s. */
    private static final class Factory {
        static final CRSFactory INSTANCE = new CRSFactory();
    }
    private static final Map<Integer, Crs> CACHE = new ConcurrentHashMap<>();
    private static final int MAX_CODE = 999_999;
    /** Codes proj4j does not know; at most the million codes below MAX_CODE, in practice a handful. */
    private static final java.util.Set<Integer> UNKNOWN = ConcurrentHashMap.newKeySet();

    private CrsRegistry() {
    }

    /**
     * The CRS with this EPSG code. Codes outside the Chinese families below still work when proj4j knows them
     * (datum {@link DatumFamily#OTHER}, name "EPSG:code").
     *
     * @throws GisException {@code crs.unknown} when neither BasinGuard nor proj4j knows the code
     */
    public static Crs fromEpsg(int code) {
        Crs crs = CACHE.get(code);
        if (crs == null) {
            // EPSG codes lie below 1,000,000; each unknown one made proj4j scan its whole registry file again
            if (code <= 0 || code > MAX_CODE || UNKNOWN.contains(code)) {
                throw new GisException("crs.unknown", code);
            }
            try {
                crs = CACHE.computeIfAbsent(code, CrsRegistry::build);
            } catch (GisException e) {
                UNKNOWN.add(code);
                throw e;
            }
        }
        return crs;
    }

    /** Whether {@link #fromEpsg} would succeed. */
    public static boolean isKnown(int code) {
        try {
            fromEpsg(code);
            return true;
        } catch (GisException e) {
            return false;
        }
    }

    /**
     * Matches a WKT1 or WKT2 text (as stored in gpkg_spatial_ref_sys.definition) to an EPSG code: the CRS's own
     * AUTHORITY/ID tag first, then datum and projection parameters. Empty when nothing matches safely.
     */
    public static Optional<Crs> fromWkt(String wkt) {
        return WktMatcher.match(wkt).filter(CrsRegistry::isKnown).map(CrsRegistry::fromEpsg);
    }

    /** The CGCS2000 Gauss–Krüger zone that contains this longitude (zone edges go to the eastern zone). */
    public static Crs gkZoneFor(double lonDeg, int width, boolean prefixed) {
        return gkZoneFor(DatumFamily.CGCS2000, lonDeg, width, prefixed);
    }

    /** The national Gauss–Krüger grid of {@code datum} (CGCS2000, Xi'an 1980 or Beijing 1954) containing the longitude. */
    public static Crs gkZoneFor(DatumFamily datum, double lonDeg, int width, boolean prefixed) {
        if (width != 3 && width != 6) {
            throw new IllegalArgumentException("zone width must be 3 or 6: " + width);
        }
        int cm = width == 3 ? 3 * (int) Math.floor(lonDeg / 3 + 0.5) : 6 * (int) Math.floor(lonDeg / 6) + 3;
        return fromEpsg(GkCodes.epsg(datum, cm, width, prefixed));
    }

    private static Crs build(int code) {
        Optional<GkCodes.Description> described = GkCodes.describe(code);
        if (described.isPresent()) {
            // proj4j-epsg defines every code of these families (CrsRegistryTest): it is read when first needed
            GkCodes.Description d = described.get();
            return new Crs(code, d.nameEn(), d.nameZh(), d.geographic(), d.datum(), d.gaussKruger(), new Lazy(code));
        }
        CoordinateReferenceSystem proj = proj4(code);
        if (proj == null) {
            throw new GisException("crs.unknown", code);
        }
        return new Crs(code, "EPSG:" + code, "EPSG:" + code, proj.getProjection() instanceof LongLatProjection,
            DatumFamily.OTHER, null, () -> proj);
    }

    /** A proj4j definition made once, on first use. */
    private static final class Lazy implements java.util.function.Supplier<CoordinateReferenceSystem> {
        private final int code;
        private volatile CoordinateReferenceSystem proj;

        Lazy(int code) {
            this.code = code;
        }

        @Override
        public CoordinateReferenceSystem get() {
            CoordinateReferenceSystem p = proj;
            if (p == null) {
                synchronized (this) {
                    p = proj;
                    if (p == null) {
                        p = proj4(code);
                        if (p == null) {
                            throw new GisException("crs.unknown", code);
                        }
                        proj = p;
                    }
                }
            }
            return p;
        }
    }

    private static CoordinateReferenceSystem proj4(int code) {
        String definition = Proj4Definitions.of(code);
        if (definition == null) {
            return null;
        }
        try {
            return Factory.INSTANCE.createFromParameters("EPSG:" + code, definition);
        } catch (RuntimeException e) {
            // proj4j signals a definition it cannot take with a parse error
            return null;
        }
    }
}
