package cn.basinguard.data;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Decides whether a candidate site really does what its SLYT says, measured with JTS against the final land layers
 * (defects included), so the label is a fact of the file and not just the intent of the layout.
 */
final class SiteFit {
    /** An overlap counts from this area (m²) up. */
    static final double MIN_OVERLAP_M2 = 1;
    /**
     * "No overlap" keeps at least this gap (m): intersection area 0 alone would let a site touch a patch, and the
     * checks, which reproject the layers, could then measure a sliver of rounding noise as an encroachment.
     */
    static final double GAP = 1;
    /** A clean site keeps this far from every patch and reservoir, so it reads as clean on a map too. */
    static final double CLEAN_CLEARANCE = 30;
    /** A site next to a reservoir comes at least this close to one of its unit. */
    static final double RESERVOIR_REACH = 50;

    private final Layer cultivated;
    private final Layer farmland;
    private final Layer redLine;
    private final Layer water;
    private final DistrictLayout layout;

    SiteFit(DistrictLayout layout, LandPlan land, List<Reservoir> reservoirs) {
        this.layout = layout;
        cultivated = Layer.of(land.cultivated().stream().map(LandPatch::geometry).toList());
        farmland = Layer.of(land.basicFarmland().stream().map(LandPatch::geometry).toList());
        redLine = Layer.of(land.redLine().stream().map(LandPatch::geometry).toList());
        water = Layer.of(reservoirs.stream().map(Reservoir::surface).toList());
    }

    /** @param unit the unit the site must lie in, ignored for {@link Site#SPANS_UNITS} */
    boolean fits(String intent, int unit, Polygon site) {
        return switch (intent) {
            case Site.CLEAN -> inUnit(site, unit) && !cultivated.near(site, CLEAN_CLEARANCE)
                    && !farmland.near(site, CLEAN_CLEARANCE) && !redLine.near(site, CLEAN_CLEARANCE)
                    && !water.near(site, CLEAN_CLEARANCE);
            case Site.CULTIVATED -> inUnit(site, unit) && cultivated.overlap(site) > MIN_OVERLAP_M2
                    && !farmland.near(site, GAP) && !redLine.near(site, GAP);
            case Site.BASIC_FARMLAND -> inUnit(site, unit) && farmland.overlap(site) > MIN_OVERLAP_M2
                    && !redLine.near(site, GAP);
            case Site.RED_LINE -> inUnit(site, unit) && redLine.overlap(site) > MIN_OVERLAP_M2
                    && !farmland.near(site, GAP);
            case Site.SPANS_UNITS -> layout.unit(0).intersection(site).getArea() > MIN_OVERLAP_M2
                    && layout.unit(1).intersection(site).getArea() > MIN_OVERLAP_M2;
            case Site.NEAR_RESERVOIR -> inUnit(site, unit) && water.near(site, RESERVOIR_REACH)
                    && !farmland.near(site, GAP) && !redLine.near(site, GAP);
            default -> throw new IllegalArgumentException(intent);
        };
    }

    /** Inside its own unit and clear of the other, so only the spanning sites have a second unit. */
    private boolean inUnit(Polygon site, int unit) {
        return layout.unit(unit).covers(site) && !layout.unit(1 - unit).isWithinDistance(site, GAP);
    }

    /** One layer's patches in an R-tree; an invalid patch (the bow-tie) is measured as its repaired shape. */
    private record Layer(STRtree tree) {
        static Layer of(List<? extends Geometry> patches) {
            STRtree t = new STRtree();
            for (Geometry g : patches) {
                Geometry usable = g.isValid() ? g : GeometryFixer.fix(g);
                t.insert(usable.getEnvelopeInternal(), usable);
            }
            return new Layer(t);
        }

        double overlap(Geometry site) {
            double sum = 0;
            for (Object o : tree.query(site.getEnvelopeInternal())) {
                Geometry g = (Geometry) o;
                if (g.intersects(site)) {
                    sum += g.intersection(site).getArea();
                }
            }
            return sum;
        }

        boolean near(Geometry site, double distance) {
            Envelope probe = new Envelope(site.getEnvelopeInternal());
            probe.expandBy(distance);
            for (Object o : tree.query(probe)) {
                if (((Geometry) o).isWithinDistance(site, distance)) {
                    return true;
                }
            }
            return false;
        }
    }
}
