package cn.basinguard.core.check;

import static cn.basinguard.core.check.CheckEngineTest.box;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.gpkg.GeoPackageWriter;
import cn.basinguard.core.gpkg.GpkgColumn;
import cn.basinguard.core.gpkg.GpkgSrs;
import cn.basinguard.core.source.DataSources;
import cn.basinguard.core.source.SourceOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A box the area's boundary crosses is read by the cells of it that meet the area and along its sides: whatever the
 * boxes and patches, a read hands on every patch whose box meets the read box and which meets the area, and no other
 * (but those the R-tree's float boxes bring from a hair beside the read box).
 */
class AreaCellsTest {
    private static final double X = 440000;
    private static final double Y = 3500000;

    @TempDir
    Path dir;

    @Test
    void aReadAcrossTheBoundaryHandsOnExactlyWhatMeetsTheArea() throws Exception {
        Random random = new Random(1130);
        Path gpkg = dir.resolve("cells.gpkg");
        List<Geometry> patches = new ArrayList<>();
        try (GeoPackageWriter w = GeoPackageWriter.create(gpkg, "2024-01-01T00:00:00.000Z")) {
            w.addSrs(GpkgSrs.CGCS2000_GK3_CM114);
            w.createFeatureTable("YJJBNTTB", "永久基本农田", "", "geom", "POLYGON", 4547, List.of(GpkgColumn.text("BSM")));
            for (int i = 0; i < 3000; i++) {
                double x = random.nextDouble() * 1000;
                double y = random.nextDouble() * 1000;
                double s = random.nextInt(20) == 0 ? 50 + random.nextDouble() * 200 : 2 + random.nextDouble() * 20;
                Geometry g = box(X + x, Y + y, X + x + s, Y + y + s * (0.3 + random.nextDouble()));
                patches.add(g);
                w.insertFeature("YJJBNTTB", g, Integer.toString(i));
            }
            w.commit();
        }
        // a star of 60 points: its box is half outside it, and its boundary crosses most boxes read
        Coordinate[] star = new Coordinate[61];
        for (int i = 0; i < 60; i++) {
            double r = i % 2 == 0 ? 480 : 150 + random.nextDouble() * 100;
            double a = 2 * Math.PI * i / 60;
            star[i] = new Coordinate(X + 500 + r * Math.cos(a), Y + 500 + r * Math.sin(a));
        }
        star[60] = star[0].copy();
        Geometry outline = new GeometryFactory().createPolygon(star);
        Area area = Area.outline("星", outline, CrsRegistry.fromEpsg(4547));
        int handedOn = 0;
        try (DataSources.Opened opened = DataSources.openAll(List.of(gpkg.toString()), SourceOptions.DEFAULT)) {
            RoleLayer farmland = DatasetLoader.within(opened.sources(), Map.of(), area).input().layer(LayerRole.BASIC_FARMLAND);
            for (int b = 0; b < 60; b++) {
                double x = random.nextDouble() * 900;
                double y = random.nextDouble() * 900;
                double s = 20 + random.nextDouble() * 300;
                Envelope read = new Envelope(X + x, X + x + s, Y + y, Y + y + s);
                List<String> got = new ArrayList<>();
                farmland.reader().readAny(List.of(read), f -> {
                    assertTrue(outline.intersects(f.geometry()), "handed on but apart from the area");
                    // the R-tree holds boxes rounded outwards to floats: a patch a hair beside the box may come too
                    if (f.geometry().getEnvelopeInternal().intersects(read)) {
                        got.add((String) f.attributes().get("BSM"));
                    }
                });
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < patches.size(); i++) {
                    if (patches.get(i).getEnvelopeInternal().intersects(read) && outline.intersects(patches.get(i))) {
                        expected.add(Integer.toString(i));
                    }
                }
                assertEquals(expected, got, "box " + read);
                handedOn += got.size();
            }
        }
        assertTrue(handedOn > 500, handedOn + " handed on");
    }
}
