package cn.basinguard.core.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** WKT from a .prj or gpkg_spatial_ref_sys that is nested, oversized or not numeric: no CRS, never an exception. */
class HostileWktTest {
    private static final String CGCS2000_GK38 = CrsWkt.of(CrsRegistry.fromEpsg(4526)).orElseThrow();

    @Test
    void nestingDeeperThanAnyCrsIsNoMatchNotAStackOverflow() {
        String deep = "PROJCS[\"x\",".repeat(200_000) + "]".repeat(200_000);
        assertTrue(CrsRegistry.fromWkt(deep).isEmpty());
        String deepValues = "GEOGCS[" + "A[".repeat(50) + "1" + "]".repeat(50) + "]";
        assertTrue(CrsRegistry.fromWkt(deepValues).isEmpty());
    }

    @Test
    void oversizedEpsgCodesAndNumbersAreNoNumberFormatException() {
        String bigCode = CGCS2000_GK38.replace("AUTHORITY[\"EPSG\",\"4526\"]]", "AUTHORITY[\"EPSG\",\"99999999999999999999\"]]");
        // the code is no EPSG code; the parameters still identify zone 38
        assertEquals(4526, CrsRegistry.fromWkt(bigCode).orElseThrow().epsg());
        String noNumber = "GEOGCS[\"g\",DATUM[\"d\",SPHEROID[\"s\",abc,1e99999]],PRIMEM[\"Greenwich\",0]]";
        assertTrue(CrsRegistry.fromWkt(noNumber).isEmpty());
        String hugeMeridian = CGCS2000_GK38.replace("PARAMETER[\"central_meridian\",114]", "PARAMETER[\"central_meridian\",1e308]")
            .replace(",AUTHORITY[\"EPSG\",\"4526\"]]", "]");
        assertTrue(CrsRegistry.fromWkt(hugeMeridian).isEmpty());
    }

    @Test
    void truncatedTextIsNoMatch() {
        for (int cut : new int[] {1, 10, 100, CGCS2000_GK38.length() - 1}) {
            assertTrue(CrsRegistry.fromWkt(CGCS2000_GK38.substring(0, cut)).isEmpty(), "cut at " + cut);
        }
        assertEquals(4526, CrsRegistry.fromWkt(CGCS2000_GK38).orElseThrow().epsg());
    }
}
