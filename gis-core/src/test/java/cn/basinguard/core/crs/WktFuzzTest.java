package cn.basinguard.core.crs;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target of WKT matching, as a .prj or gpkg_spatial_ref_sys.definition reaches it: any text gives a CRS or
 * none, never an exception. Inputs (seeds, findings) under {@code WktFuzzTestInputs/prj/}.
 */
class WktFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void prj(byte[] data) {
        CrsRegistry.fromWkt(new String(data, StandardCharsets.UTF_8));
    }
}
