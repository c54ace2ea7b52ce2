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
    }

    /** The check as the command line runs it: the big layers read from the open file area by area, through the index. */
    private static CheckReport streamed(Path gpkg) {
        try (cn.basinguard.core.source.DataSources.Opened opened = cn.basinguard.core.source.DataSources.openAll(List.of(gpkg.toString()),
                cn.basinguard.core.source.SourceOptions.DEFAULT)) {
            return new CheckEngine(CheckParameters.DEFAULT).figuresOnly()
                    .run(DatasetLoader.fromSources(opened.sources(), Map.of(), null, true).input(), Progress.NONE);
        }
    }
}
