package cn.basinguard.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Proposes where a site of a given intent might go; {@link SiteFit} then decides. The proposals only make a fit
 * likely (a farmland site starts on farmland), so that few candidates are wasted.
 */
final class Spots {
    /** Clean sites keep this far inside their unit, away from the boundary the spanning sites use. */
    private static final double CLEAN_INSET = 500;
    /** Spanning sites are centred on the dividing line at least this far inside the outline. */
    private static final double SPAN_INSET = 3_000;
    private static final int DRAWS = 100;

    private final GeometryFactory gf;
    private final PreparedGeometry[] cleanArea = new PreparedGeometry[2];
    private final Coordinate[] divide;
    /** Per unit: the candidates of each intent, listed once (the county scale has 10⁵ patches and 10³ sites). */
    private final List<List<Geometry>> farmland = perUnit();
    private final List<List<Geometry>> redLine = perUnit();
    /** valid cultivated patches that carry no basic farmland */
    private final List<List<Geometry>> ordinaryCultivated = perUnit();
    private final List<List<Reservoir>> mediumReservoirs = perUnit();

    Spots(DistrictLayout layout, LandPlan land, List<Reservoir> reservoirs, GeometryFactory gf) {
        this.gf = gf;
        for (int u = 0; u < 2; u++) {
            cleanArea[u] = PreparedGeometryFactory.prepare(layout.unit(u).buffer(-CLEAN_INSET, 2));
        }
        divide = layout.divide().intersection(layout.outline().buffer(-SPAN_INSET, 2)).getCoordinates();
        Set<Integer> farmlandCells = new HashSet<>();
        for (LandPatch f : land.basicFarmland()) {
            farmlandCells.add(f.cell().id());
        }
        for (LandPatch c : land.cultivated()) {
            if (!farmlandCells.contains(c.cell().id()) && c.geometry().isValid()) {
                ordinaryCultivated.get(c.unit()).add(c.geometry());
            }
        }
        land.basicFarmland().forEach(f -> farmland.get(f.unit()).add(f.geometry()));
        land.redLine().forEach(r -> redLine.get(r.unit()).add(r.geometry()));
        reservoirs.stream().filter(Reservoir::medium).forEach(r -> mediumReservoirs.get(r.unit()).add(r));
    }

    /** A proposed centre for a site of this intent in this unit. */
    Coordinate centre(String intent, int unit, SplittableRandom rnd) {
        return switch (intent) {
            case Site.CLEAN -> inside(cleanArea[unit], rnd);
            case Site.BASIC_FARMLAND -> inside(pick(farmland.get(unit), rnd), rnd);
            case Site.RED_LINE -> inside(pick(redLine.get(unit), rnd), rnd);
            // anywhere on the patch, not only its middle: its neighbours mostly carry basic farmland, and an
            // off-centre site may reach over free land instead
            case Site.CULTIVATED -> inside(pick(ordinaryCultivated.get(unit), rnd), rnd);
            case Site.NEAR_RESERVOIR -> onMediumReservoirShore(unit, rnd);
            // the middle half of the line, so the site stays well inside the district
            case Site.SPANS_UNITS -> divide[divide.length / 4 + rnd.nextInt(divide.length / 2)];
            default -> throw new IllegalArgumentException(intent);
        };
    }

    private static <T> List<List<T>> perUnit() {
        return List.of(new ArrayList<>(), new ArrayList<>());
    }

    private static <T> T pick(List<T> candidates, SplittableRandom rnd) {
        return candidates.get(rnd.nextInt(candidates.size()));
    }

    private Coordinate onMediumReservoirShore(int unit, SplittableRandom rnd) {
        Reservoir r = pick(mediumReservoirs.get(unit), rnd);
        Coordinate[] ring = r.surface().getExteriorRing().getCoordinates();
        return ring[rnd.nextInt(ring.length - 1)];
    }

    /** A random point of {@code area}; its interior point if random draws keep missing a thin or odd shape. */
    private Coordinate inside(Geometry area, SplittableRandom rnd) {
        return inside(PreparedGeometryFactory.prepare(area), rnd);
    }

    private Coordinate inside(PreparedGeometry area, SplittableRandom rnd) {
        Envelope e = area.getGeometry().getEnvelopeInternal();
        for (int draw = 0; draw < DRAWS; draw++) {
            Coordinate c = randomIn(e, rnd);
            if (area.contains(gf.createPoint(c))) {
                return c;
            }
        }
        return area.getGeometry().getInteriorPoint().getCoordinate();
    }

    private static Coordinate randomIn(Envelope e, SplittableRandom rnd) {
        return new Coordinate(e.getMinX() + rnd.nextDouble(e.getWidth()), e.getMinY() + rnd.nextDouble(e.getHeight()));
    }
}
