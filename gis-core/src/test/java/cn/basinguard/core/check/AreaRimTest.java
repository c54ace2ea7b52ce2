package cn.basinguard.core.check;

import static cn.basinguard.core.check.CheckEngineTest.box;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Coordinate;

/**
 * A box inside an irregular unit's box but outside the unit is read only along its sides: the patches wholly inside it
 * cannot meet the unit and are not read, while a patch that crosses one of its sides into the unit is handed on as any
 * other (a tile there owns it: nothing else would count it).
 */
class AreaRimTest {
    private static final double X = 440000;
    private static final double Y = 3500000;

    @TempDir
    Path dir;

    @Test
    void aBoxOutsideTheUnitHandsOnOnlyThePatchesThatReachIntoIt() throws Exception {
        Path gpkg = dir.resolve("rim.gpkg");
        try (GeoPackageWriter w = GeoPackageWriter.create(gpkg, "2024-01-01T00:00:00.000Z")) {
            w.addSrs(GpkgSrs.CGCS2000_GK3_CM114);
            w.createFeatureTable("YJJBNTTB", "永久基本农田", "", "geom", "POLYGON", 4547, List.of(GpkgColumn.text("BSM")));
            w.insertFeature("YJJBNTTB", box(X + 10, Y + 60, X + 20, Y + 70), "inside the box");
            w.insertFeature("YJJBNTTB", box(X + 40, Y + 60, X + 60, Y + 70), "across its right side into the unit");
            w.insertFeature("YJJBNTTB", box(X + 10, Y + 35, X + 20, Y + 55), "across its bottom side into the unit");
            w.insertFeature("YJJBNTTB", box(X + 30, Y + 90, X + 44, Y + 98), "across its top side, outside the unit");
            w.commit();
        }
        // an L: the bottom band and the right column; the top-left quarter of its box is outside it
        Geometry l = new GeometryFactory().createPolygon(new Coordinate[] {new Coordinate(X, Y), new Coordinate(X + 100, Y),
            new Coordinate(X + 100, Y + 100), new Coordinate(X + 50, Y + 100), new Coordinate(X + 50, Y + 40), new Coordinate(X, Y + 40),
            new Coordinate(X, Y)});
        Area area = Area.outline("L", l, CrsRegistry.fromEpsg(4547));
        try (DataSources.Opened opened = DataSources.openAll(List.of(gpkg.toString()), SourceOptions.DEFAULT)) {
            RoleLayer farmland = DatasetLoader.within(opened.sources(), Map.of(), area).input().layer(LayerRole.BASIC_FARMLAND);
            List<String> read = new ArrayList<>();
            farmland.reader().readAny(List.of(new Envelope(X + 5, X + 45, Y + 50, Y + 95)), f -> read.add((String) f.attributes().get("BSM")));
            assertEquals(List.of("across its right side into the unit", "across its bottom side into the unit"), read);
        }
    }
}
