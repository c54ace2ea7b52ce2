package cn.basinguard.data;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * Patches as the tiled generator stores them: plain, or — in the invalid-patch shape — with one of the geometry
 * faults real 三调 / 三区三线 deliveries carry: a self-intersecting (bow-tie) ring, repeated vertices, a spike (an
 * out-and-back excursion that makes the ring touch itself), a ring that is not closed (last point ≠ first, which
 * JTS refuses to read), or a hole that crosses the outer ring. Coordinates are moved into EPSG:4526 (zone prefix).
 */
final class PatchDefects {
    /** Share of cultivated, basic-farmland and red-line patches given a fault in the invalid-patch shape. */
    static final double SHARE = 0.03;

    enum Kind {
        BOW_TIE("自相交（蝴蝶结）", "外环相邻两个节点次序颠倒，两条边交叉成蝴蝶结，JTS isValid() = false"),
        DUPLICATE_VERTICES("重复节点", "外环有连续重复的坐标（同一节点出现两到三次）"),
        SPIKE("尖刺（回头线）", "外环在一个节点处伸出一根零宽度的尖刺后原路返回，环自相接"),
        UNCLOSED_RING("环未闭合", "外环最后一个点与第一个点不同（未闭合），JTS 不能读取"),
        HOLE_CROSSES_SHELL("内环与外环相交", "一个内环（洞）跨过外环边界，JTS isValid() = false");

        final String label;
        final String description;

        Kind(String label, String description) {
            this.label = label;
            this.description = description;
        }
    }

    /** A patch ready to store: WKB, its envelope, the area for TBMJ/MJ, vertex count, and its fault if any. */
    record Stored(byte[] wkb, Envelope envelope, double area, int vertices, Kind fault) {
    }

    private PatchDefects() {
    }

    static Stored plain(Polygon p) {
        List<Coordinate[]> rings = rings(p);
        return new Stored(Wkb.multiPolygon(rings), Wkb.envelope(rings), p.getArea(), count(rings), null);
    }

    /** The patch with the fault chosen by {@code hash}; the area is that of the repaired (or closed) shape. */
    static Stored faulty(Polygon p, long hash) {
        List<Coordinate[]> rings = rings(p);
        Coordinate[] shell = rings.get(0);
        int n = shell.length - 1; // distinct vertices
        Kind kind = Kind.values()[(int) Long.remainderUnsigned(hash, Kind.values().length)];
        int k = 1 + (int) Long.remainderUnsigned(hash >>> 8, Math.max(1, n - 3));
        Coordinate[] out;
        switch (kind) {
            case BOW_TIE -> out = bowTie(shell, k, p);
            case DUPLICATE_VERTICES -> {
                List<Coordinate> l = new ArrayList<>(List.of(shell));
                int repeats = 1 + (int) Long.remainderUnsigned(hash >>> 20, 2);
                for (int r = 0; r < repeats; r++) {
                    l.add(k, shell[k].copy());
                }
                out = l.toArray(Coordinate[]::new);
            }
            case SPIKE -> {
                Coordinate c = centre(shell);
                Coordinate v = shell[k];
                double dx = v.x - c.x;
                double dy = v.y - c.y;
                double len = Math.hypot(dx, dy);
                double reach = 8 + CellGrid.unit(hash >>> 4) * 17;
                List<Coordinate> l = new ArrayList<>(List.of(shell));
                l.add(k + 1, new Coordinate(v.x + dx / len * reach, v.y + dy / len * reach));
                l.add(k + 2, v.copy());
                out = l.toArray(Coordinate[]::new);
            }
            case UNCLOSED_RING -> {
                out = new Coordinate[shell.length - 1];
                System.arraycopy(shell, 0, out, 0, out.length);
            }
            default -> {
                out = shell;
                // a small square centred on a shell vertex: half of it outside the patch
                Coordinate v = shell[k];
                double h = 3;
                rings.add(new Coordinate[] {new Coordinate(v.x - h, v.y - h), new Coordinate(v.x - h, v.y + h),
                    new Coordinate(v.x + h, v.y + h), new Coordinate(v.x + h, v.y - h), new Coordinate(v.x - h, v.y - h)});
            }
        }
        rings.set(0, out);
        double area = kind == Kind.UNCLOSED_RING || kind == Kind.DUPLICATE_VERTICES ? p.getArea() : repairedArea(rings, p);
        return new Stored(Wkb.multiPolygon(rings), Wkb.envelope(rings), area, count(rings), kind);
    }

    /**
     * The ring with a run of about a third of its vertices in reverse order: the two edges joining the run to the
     * rest cross (a bow-tie, as a parcel digitised with two corners swapped has). Should the ring's shape still let
     * it pass as valid, a plain bow-tie replaces it.
     */
    private static Coordinate[] bowTie(Coordinate[] shell, int k, Polygon like) {
        int n = shell.length - 1;
        int from = Math.min(k, n - 3);
        int to = Math.min(n - 1, from + Math.max(2, n / 3));
        Coordinate[] out = shell.clone();
        for (int a = from, b = to; a < b; a++, b--) {
            Coordinate t = out[a];
            out[a] = out[b];
            out[b] = t;
        }
        out[n] = out[0];
        var gf = like.getFactory();
        if (!gf.createPolygon(out).isValid()) {
            return out;
        }
        Envelope e = new Envelope();
        for (Coordinate c : shell) {
            e.expandToInclude(c);
        }
        double h = Math.min(e.getWidth(), e.getHeight()) / 4;
        Coordinate c = e.centre();
        return new Coordinate[] {new Coordinate(c.x - h, c.y - h), new Coordinate(c.x + h, c.y + h),
            new Coordinate(c.x + h, c.y - h), new Coordinate(c.x - h, c.y + h), new Coordinate(c.x - h, c.y - h)};
    }

    /** TBMJ of a self-intersecting patch is the area of its repaired shape, as in the sample. */
    private static double repairedArea(List<Coordinate[]> rings, Polygon like) {
        var gf = like.getFactory();
        var holes = new org.locationtech.jts.geom.LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = gf.createLinearRing(rings.get(i));
        }
        Polygon bad = gf.createPolygon(gf.createLinearRing(rings.get(0)), holes);
        return GeometryFixer.fix(bad).getArea();
    }

    private static Coordinate centre(Coordinate[] ring) {
        double x = 0;
        double y = 0;
        for (int i = 0; i < ring.length - 1; i++) {
            x += ring[i].x;
            y += ring[i].y;
        }
        return new Coordinate(x / (ring.length - 1), y / (ring.length - 1));
    }

    private static List<Coordinate[]> rings(Polygon p) {
        List<Coordinate[]> out = new ArrayList<>();
        out.add(zone38(p.getExteriorRing().getCoordinates()));
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            out.add(zone38(p.getInteriorRingN(i).getCoordinates()));
        }
        return out;
    }

    private static Coordinate[] zone38(Coordinate[] cs) {
        Coordinate[] out = new Coordinate[cs.length];
        for (int i = 0; i < cs.length; i++) {
            out[i] = new Coordinate(cs[i].x + SampleCrs.ZONE38_PREFIX, cs[i].y);
        }
        return out;
    }

    private static int count(List<Coordinate[]> rings) {
        int n = 0;
        for (Coordinate[] r : rings) {
            n += r.length;
        }
        return n;
    }
}
