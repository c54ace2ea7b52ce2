package cn.basinguard.core.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.gpkg.GpkgSrs;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CrsWktTest {
    static Stream<Integer> nationalCodes() {
        return Stream.of(IntStream.rangeClosed(4491, 4554), IntStream.rangeClosed(2327, 2442),
                IntStream.rangeClosed(21413, 21473), IntStream.of(4490, 4326, 4610, 4214, 3857))
            .flatMap(IntStream::boxed).filter(CrsRegistry::isKnown)
            .filter(c -> CrsRegistry.fromEpsg(c).datum() != DatumFamily.OTHER);
    }

    /** What is written must read back as the same CRS, by its parameters as well as by its authority tag. */
    @ParameterizedTest
    @MethodSource("nationalCodes")
    void everyNationalGridReadsBackAsItself(int code) {
        Crs crs = CrsRegistry.fromEpsg(code);
        String wkt = CrsWkt.of(crs).orElseThrow();
        assertEquals(crs, CrsRegistry.fromWkt(wkt).orElseThrow(), wkt);
        String untagged = wkt.substring(0, wkt.lastIndexOf(",AUTHORITY")) + "]";
        if (code != 3857) {
            assertEquals(crs, CrsRegistry.fromWkt(untagged).orElseThrow(), untagged);
        }
    }

    /** The text the sample data and earlier files were written with; GDAL reads it as EPSG:4526. */
    @Test
    void zone38AsWrittenBefore() {
        assertEquals("PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger zone 38\",GEOGCS[\"China Geodetic Coordinate System 2000\","
            + "DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],"
            + "AUTHORITY[\"EPSG\",\"1043\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
            + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4490\"]],"
            + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],"
            + "PARAMETER[\"central_meridian\",114],PARAMETER[\"scale_factor\",1],"
            + "PARAMETER[\"false_easting\",38500000],PARAMETER[\"false_northing\",0],"
            + "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Northing\",NORTH],AXIS[\"Easting\",EAST],"
            + "AUTHORITY[\"EPSG\",\"4526\"]]", GpkgSrs.CGCS2000_GK3_ZONE38.definition());
    }

    @Test
    void crsKnownOnlyToProj4jHasNone() {
        assertTrue(CrsWkt.of(CrsRegistry.fromEpsg(32650)).isEmpty());
    }
}
