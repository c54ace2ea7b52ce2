package cn.basinguard.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.GisException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GeoPackage whose spatial index lost rows (as a tool that writes the table without the index's triggers leaves it):
 * every read by area misses those rows, so a check would come out short of them without a word. It is refused with
 * what to do, never answered with figures that leave patches out.
 */
class IndexOutOfStepTest {
    @TempDir
    Path dir;

    @Test
    void aPatchMissingFromTheSpatialIndexStopsTheCheckWithWhatToDo() throws Exception {
        Path gpkg = LandUseOccupationTest.write(dir.resolve("out-of-step.gpkg"));
        assertTrue(streamed(gpkg).units().get(0).areaOf(LayerRole.BASIC_FARMLAND).m2() > 0, "the intact file's figures");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg)) {
            c.createStatement().execute("DELETE FROM rtree_YJJBNTTB_geom");
        }
        GisException e = assertThrows(GisException.class, () -> streamed(gpkg));
        assertEquals("check.indexOutOfStep", e.key());
        assertTrue(e.getMessage().contains("YJJBNTTB") && e.getMessage().contains("ogr2ogr"), e.getMessage());
        // the window's loaded model read every row, but says what the file's check says: the file is refused
        GisException fromModel = assertThrows(GisException.class, () -> streamed(gpkg, Map.of(), null, true));
        assertEquals(e.getMessage(), fromModel.getMessage());
    }

    @Test
    void aCheckOfOneUnitFindsTheIndexOutOfStepToo() throws Exception {
        Path gpkg = LandUseOccupationTest.write(dir.resolve("out-of-step-unit.gpkg"));
        assertTrue(streamed(gpkg, Map.of(), "甲片区").units().get(0).areaOf(LayerRole.BASIC_FARMLAND).m2() > 0, "the intact file's figures");
        deleteIndex(gpkg, "YJJBNTTB");
        GisException e = assertThrows(GisException.class, () -> streamed(gpkg, Map.of(), "甲片区"));
        assertEquals("check.indexOutOfStep", e.key());
        assertEquals(e.getMessage(), assertThrows(GisException.class, () -> streamed(gpkg, Map.of(), "甲片区", true)).getMessage());
    }

    /** A land-use layer that is not also the cultivated layer is read only around the sites: its index is checked all the same. */
    @Test
    void aLandUseLayerOfItsOwnWithRowsMissingFromItsIndexIsRefused() throws Exception {
        Path gpkg = LandUseOccupationTest.write(dir.resolve("out-of-step-land-use.gpkg"));
        Map<String, String> roles = Map.of("cultivated", "YJJBNTTB", "land_use", "DLTB");
        assertTrue(!streamed(gpkg, roles, null).sites().get(0).landUse().classes().isEmpty(), "the intact file's land classes");
        deleteIndex(gpkg, "DLTB");
        GisException e = assertThrows(GisException.class, () -> streamed(gpkg, roles, null));
        assertEquals("check.indexOutOfStep", e.key());
        assertEquals(e.getMessage(), assertThrows(GisException.class, () -> streamed(gpkg, roles, null, true)).getMessage());
        assertTrue(e.getMessage().contains("DLTB"), e.getMessage());
    }

    private static void deleteIndex(Path gpkg, String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg)) {
            c.createStatement().execute("DELETE FROM rtree_" + table + "_geom");
        }
    }

    private static CheckReport streamed(Path gpkg) {
        return streamed(gpkg, Map.of(), null);
    }

    /** The check as the command line runs it: the big layers read from the open file area by area, through the index. */
    private static CheckReport streamed(Path gpkg, Map<String, String> roles, String unit) {
        return streamed(gpkg, roles, unit, false);
    }

    /** @param model whether the check reads the window's loaded model of the file rather than the file */
    private static CheckReport streamed(Path gpkg, Map<String, String> roles, String unit, boolean model) {
        try (cn.basinguard.core.source.DataSources.Opened opened = cn.basinguard.core.source.DataSources.openAll(List.of(gpkg.toString()),
                cn.basinguard.core.source.SourceOptions.DEFAULT)) {
            List<cn.basinguard.core.source.DataSource> sources = model
                    ? List.of(cn.basinguard.core.loaded.LoadedSource.load(opened.sources().get(0), () -> false)) : opened.sources();
            return new CheckEngine(CheckParameters.DEFAULT).figuresOnly()
                    .run(DatasetLoader.fromSources(sources, roles, unit, true).input(), Progress.NONE);
        }
    }
}
