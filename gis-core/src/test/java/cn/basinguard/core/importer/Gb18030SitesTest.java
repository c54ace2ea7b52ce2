package cn.basinguard.core.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.basinguard.core.testing.HandmadeShapefile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Project sites named after this district's rivers — 㵐水 (U+3D50, CJK Extension A) — come from a design institute's
 * Shapefile or coordinate TXT in GB18030, the only Chinese national encoding that has 㵐 (GBK does not). The importer
 * reads them as the Shapefile source reads a bureau's layers: a .cpg saying GB18030, 936 or GBK, or none at all, gives
 * the name as written; read as GBK it came out as "�1�9水河…".
 */
class Gb18030SitesTest {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String NAME = "㵐水河生态治理工程";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"GB18030", "936", "GBK", ""})
    void aShapefileInGb18030GivesTheRiversName(String cpg) throws Exception {
        Path shp = dir.resolve("sites.shp");
        double[] square = {434700, 3496300, 434700, 3496500, 434900, 3496500, 434900, 3496300, 434700, 3496300};
        Files.write(shp, HandmadeShapefile.polygons(new double[][] {square}));
        Files.write(dir.resolve("sites.dbf"), HandmadeShapefile.dbf("XMMC", 40, GB18030, NAME));
        Files.writeString(dir.resolve("sites.prj"), "PROJCS[\"CGCS2000_3_Degree_GK_CM_114E\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
                + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
                + "PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
                + "PARAMETER[\"Central_Meridian\",114.0],PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]");
        if (!cpg.isEmpty()) {
            Files.writeString(dir.resolve("sites.cpg"), cpg);
        }
        ImportedSites s = SiteImporter.read(shp);
        assertEquals(1, s.sites().size(), s.problems().toString());
        assertEquals(NAME, s.sites().get(0).name());
        assertEquals(NAME, s.sites().get(0).attributes().get("XMMC"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aCoordinateTxtInGb18030GivesTheRiversName(boolean gb18030) throws Exception {
        String text = String.join("\r\n", List.of("[属性描述]", "坐标系=2000国家大地坐标系", "几度分带=3", "投影类型=高斯克吕格", "计量单位=米",
                "带号=38", "[地块坐标]", "5,4.0000,DK-01," + NAME + ",面,,,,@", "J1,1,3508000.000,38441000.000", "J2,1,3508000.000,38441200.000",
                "J3,1,3508200.000,38441200.000", "J4,1,3508200.000,38441000.000", "J1,1,3508000.000,38441000.000", ""));
        Path txt = dir.resolve("plots.txt");
        Files.write(txt, text.getBytes(gb18030 ? GB18030 : StandardCharsets.UTF_8));
        ImportedSites s = SiteImporter.read(txt);
        assertEquals(1, s.sites().size(), s.problems().toString());
        assertEquals(NAME, s.sites().get(0).name());
    }
}
