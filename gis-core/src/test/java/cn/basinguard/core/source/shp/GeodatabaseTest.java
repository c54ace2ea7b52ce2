package cn.basinguard.core.source.shp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.GisException;
import cn.basinguard.core.source.DataSources;
import cn.basinguard.core.source.SourceOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 三调 results are often delivered as an ArcGIS geodatabase, which this program does not read: a file geodatabase
 * written by GDAL (a .gdb folder, one of its tables, a delivery folder holding one) and a personal geodatabase (.mdb)
 * are each said for what they are, with how to export them — not as "a folder without data" or "not SQLite".
 */
class GeodatabaseTest {
    @TempDir
    Path dir;

    @Test
    void aGeodatabaseIsSaidForWhatItIsWithHowToExportIt() throws Exception {
        Path json = Files.writeString(dir.resolve("dltb.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"DLBM\":\"0103\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[38430000,3496000],"
                + "[38430100,3496000],[38430100,3496100],[38430000,3496000]]]}}]}");
        Path gdb = dir.resolve("三调成果.gdb");
        Gdal.run("ogr2ogr", "-f", "OpenFileGDB", gdb.toString(), json.toString(), "-nln", "DLTB", "-a_srs", "EPSG:4526");
        Files.delete(json);
        assertTrue(Files.isRegularFile(gdb.resolve("a00000001.gdbtable")), "GDAL wrote a file geodatabase");

        GisException folder = assertThrows(GisException.class, () -> DataSources.open(gdb.toString(), SourceOptions.DEFAULT));
        assertEquals("source.fileGdb", folder.key());
        assertTrue(folder.getMessage().contains("ogr2ogr -f GPKG"), folder.getMessage());

        GisException table = assertThrows(GisException.class,
                () -> DataSources.open(gdb.resolve("a00000001.gdbtable").toString(), SourceOptions.DEFAULT));
        assertEquals("source.fileGdb", table.key());

        GisException inside = assertThrows(GisException.class, () -> DataSources.open(dir.toString(), SourceOptions.DEFAULT));
        assertEquals("source.geodatabaseInFolder", inside.key());
        assertTrue(inside.getMessage().contains("三调成果.gdb"), inside.getMessage());

        Path mdb = Files.write(dir.resolve("成果.mdb"), new byte[] {0, 1, 0, 0, 'S', 't', 'a', 'n', 'd', 'a', 'r', 'd', ' ', 'J', 'e', 't'});
        GisException personal = assertThrows(GisException.class, () -> DataSources.open(mdb.toString(), SourceOptions.DEFAULT));
        assertEquals("source.personalGdb", personal.key());
    }
}
