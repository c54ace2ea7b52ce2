package cn.basinguard.core.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.check.LayerRole;
import java.awt.Color;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** A label's place is found once per feature, not at every frame (an interior point walks the whole outline). */
class LabelAnchorsTest {
    private static final GeometryFactory GF = new GeometryFactory();

    /** A polygon that counts how often its interior point is asked for. */
    private static final class Counted extends Polygon {
        final AtomicInteger asked = new AtomicInteger();

        Counted(LinearRing shell) {
            super(shell, new LinearRing[0], GF);
        }

        @Override
        public Point getInteriorPoint() {
            asked.incrementAndGet();
            return super.getInteriorPoint();
        }
    }

    @Test
    void anAnchorIsFoundAtTheFirstFrameOnlyAndSharedByRestyledCopies() {
        Counted unit = new Counted(GF.createLinearRing(new Coordinate[] {new Coordinate(500_000, 3_500_000), new Coordinate(510_000, 3_500_000),
                new Coordinate(510_000, 3_508_000), new Coordinate(500_000, 3_500_000)}));
        MapLayer layer = new MapLayer("单元", "u", LayerRole.UNITS, DefaultStyles.forRole(LayerRole.UNITS), List.of(new MapFeature(1, unit, "涢水片区")));
        assertTrue(layer.style().labelled());
        MapContent c = new MapContent(MapRendererTest.GK, List.of(layer));
        Viewport vp = Viewport.fit(c.fullExtent(), 640, 480, 10);
        for (int i = 0; i < 3; i++) {
            RasterFrame.paint(c, vp, List.of(), Color.WHITE, () -> false, 2);
            RasterFrame.paint(c, vp.zoomAt(100, 100, 1.5), List.of(), Color.WHITE, () -> false, 1);
        }
        assertEquals(1, unit.asked.get(), "interior points computed");
        MapLayer restyled = layer.withOpacity(0.5).withStyle(layer.style().withFill(Color.ORANGE));
        RasterFrame.paint(new MapContent(MapRendererTest.GK, List.of(restyled)), vp, List.of(), Color.WHITE, () -> false, 2);
        assertEquals(1, unit.asked.get(), "a restyled copy has the same geometry, so the same anchors");
        Point expected = GF.createPolygon(unit.getExteriorRing().getCoordinates()).getInteriorPoint();
        assertEquals(expected.getX(), layer.labelAnchor(0).x(), 1e-9);
        assertEquals(expected.getY(), layer.labelAnchor(0).y(), 1e-9);
    }
}
