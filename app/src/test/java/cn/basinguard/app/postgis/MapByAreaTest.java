package cn.basinguard.app.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.map.AreaFrames;
import cn.basinguard.core.map.MapContent;
import cn.basinguard.core.map.MapFeature;
import cn.basinguard.core.map.MapLayer;
import cn.basinguard.core.map.MapLayers;
import cn.basinguard.core.source.SourceOptions;
import cn.basinguard.core.source.pg.PostGisSource;
import cn.basinguard.data.SampleData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * The map of the bureau's database at township zoom: a frame reads from the server only the rows whose box meets the
 * view's area (counted against the server's own {@code count(*) … WHERE geom && box}), keeps them for the frames that
 * pan within that area, reads nothing at full extent, and draws the very features a GeoPackage of the same data draws
 * for the same frame, read by area through its R-tree.
 */
public class MapByAreaTest {
    static String schema;

    @BeforeAll
    static void server() {
        schema = TestDatabase.sampleSchema();
    }

    @Test
    void aTownshipFrameReadsOnlyWhatTheIndexPicksAndDrawsWhatTheGeoPackageDraws() throws SQLException {
        try (PostGisSource pg = PostGisSource.open(TestDatabase.address(schema), SourceOptions.DEFAULT);
             GeoPackageSource gpkg = GeoPackageSource.open(SampleData.zengduSample())) {
            Crs crs = MapLayers.preferredCrs(pg);
            assertEquals(4526, crs.epsg());
            MapContent pgMap = MapLayers.fromSources(List.of(pg), crs);
            MapContent gpkgMap = MapLayers.fromSources(List.of(gpkg), crs);
            List<String> problems = new ArrayList<>();
            AreaFrames pgFrames = new AreaFrames(List.of(pg), crs, problems::add);
            AreaFrames gpkgFrames = new AreaFrames(List.of(gpkg), crs, problems::add);

            // a township's view: a sixth of the district's width and height, in the middle of the land-use patches
            Envelope all = pgMap.fullExtent();
            Envelope land = pgMap.layers().get(pgMap.indexOf("dltb")).extent();
            double w = all.getWidth() / 6;
            double h = all.getHeight() / 6;
            Envelope view = new Envelope(land.centre().x - w / 2, land.centre().x + w / 2, land.centre().y - h / 2, land.centre().y + h / 2);
            Envelope area = AreaFrames.areaFor(view);

            long before = pg.rowsFetched();
            MapContent frame = pgFrames.frame(pgMap, view, () -> false);
            long fetched = pg.rowsFetched() - before;
            assertNotNull(frame);
            long expected = 0;
            long whole = 0;
            List<String> byArea = new ArrayList<>();
            for (MapLayer m : pgMap.layers()) {
                if (AreaFrames.township(view, m.extent())) {
                    byArea.add(m.table());
                    // the area as a box in the table's own CRS (the sites are kept in another one than the map's)
                    Crs own = pg.layer(m.table()).srs().crs();
                    Envelope box = MapLayers.boxIn(area, crs, own);
                    expected += PostGisSourceTest.count(String.format(Locale.ROOT,
                            "SELECT count(*) FROM %s.\"%s\" WHERE geom && ST_MakeEnvelope(%.9f, %.9f, %.9f, %.9f, %d)",
                            schema, m.table(), box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY(), own.epsg()));
                    whole += PostGisSourceTest.count("SELECT count(*) FROM " + schema + ".\"" + m.table() + "\"");
                }
            }
            assertTrue(byArea.containsAll(List.of("dltb", "yjjbnttb")), byArea.toString());
            assertEquals(expected, fetched, "the frame fetched exactly the rows whose box meets its area, of " + byArea);
            assertTrue(expected > 0 && expected < whole / 4, expected + " of " + whole);
            assertEquals(List.of(), problems);

            // the frame draws the features of the GeoPackage read by area for the same frame, and those the whole map holds there
            MapContent gpkgFrame = gpkgFrames.frame(gpkgMap, view, () -> false);
            int compared = 0;
            for (MapLayer m : frame.layers()) {
                if (m.role() == null) {
                    continue;
                }
                MapLayer g = layerOf(gpkgFrame, m.role());
                assertNotNull(g, "the GeoPackage has a layer of role " + m.role());
                Map<Long, String> drawn = drawn(m, view);
                assertEquals(drawn(g, view), drawn, m.table() + " against " + g.table());
                assertEquals(drawn(pgMap.layers().get(pgMap.indexOf(m.table())), view), drawn, m.table() + " against the whole map");
                compared += drawn.isEmpty() ? 0 : 1;
            }
            assertTrue(compared >= 3, compared + " layers drawn in the frame");

            // a pan within the area read draws from it without asking the server again
            Envelope panned = new Envelope(view);
            panned.translate(w / 10, -h / 10);
            before = pg.rowsFetched();
            MapContent again = pgFrames.frame(pgMap, panned, () -> false);
            assertEquals(0, pg.rowsFetched() - before, "nothing fetched for a pan inside the area read");
            assertEquals(drawn(layerOf(gpkgFrames.frame(gpkgMap, panned, () -> false), LayerRole.CULTIVATED), panned),
                    drawn(layerOf(again, LayerRole.CULTIVATED), panned));

            // at full extent the frame draws what the map read when it was opened
            before = pg.rowsFetched();
            MapContent full = pgFrames.frame(pgMap, all, () -> false);
            assertEquals(0, pg.rowsFetched() - before);
            for (int i = 0; i < full.layers().size(); i++) {
                assertSame(pgMap.layers().get(i), full.layers().get(i));
            }

            // a frame overtaken by a newer one stops reading and draws nothing
            Envelope elsewhere = new Envelope(view);
            elsewhere.translate(-2 * w, 0);
            assertEquals(null, pgFrames.frame(pgMap, elsewhere, () -> true));
        }
    }

    @Test
    void aStyleOrLabelChangeOfTheMapIsDrawnInTheTownshipFrame() {
        try (PostGisSource pg = PostGisSource.open(TestDatabase.address(schema), SourceOptions.DEFAULT)) {
            Crs crs = MapLayers.preferredCrs(pg);
            MapContent map = MapLayers.fromSources(List.of(pg), crs);
            AreaFrames frames = new AreaFrames(List.of(pg), crs, p -> { });
            int i = map.indexOf("dltb");
            MapLayer dltb = map.layers().get(i);
            Map<Long, String> labels = new TreeMap<>();
            dltb.features().forEach(f -> labels.put(f.id(), "图斑" + f.id()));
            MapContent changed = map.with(i, dltb.withOpacity(0.4).withLabels(labels));
            Envelope e = dltb.extent();
            Envelope view = new Envelope(e.centre().x - e.getWidth() / 10, e.centre().x + e.getWidth() / 10,
                    e.centre().y - e.getHeight() / 10, e.centre().y + e.getHeight() / 10);
            MapLayer drawn = frames.frame(changed, view, () -> false).layers().get(i);
            assertEquals(0.4, drawn.opacity());
            assertTrue(!drawn.features().isEmpty() && drawn.features().stream().allMatch(f -> ("图斑" + f.id()).equals(f.label())));
            MapLayer hidden = frames.frame(changed.with(i, changed.layers().get(i).withVisible(false)), view, () -> false).layers().get(i);
            assertTrue(!hidden.visible());
        }
    }

    private static MapLayer layerOf(MapContent c, LayerRole role) {
        return c.layers().stream().filter(l -> l.role() == role).findFirst().orElse(null);
    }

    /** What a frame of {@code view} draws of a layer: feature key → geometry as text. */
    private static Map<Long, String> drawn(MapLayer m, Envelope view) {
        Map<Long, String> out = new TreeMap<>();
        for (int i : m.indicesIn(view)) {
            MapFeature f = m.features().get(i);
            out.put(f.id(), f.geometry().norm().toText());
        }
        return out;
    }
}
