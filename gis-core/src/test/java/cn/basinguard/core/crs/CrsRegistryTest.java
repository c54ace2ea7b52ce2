package cn.basinguard.core.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.GisException;
import cn.basinguard.core.i18n.Messages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CrsRegistryTest {

    private static int cm(int code) {
        return CrsRegistry.fromEpsg(code).gaussKruger().orElseThrow().centralMeridian();
    }

    @Test
    void cgcs2000Grids() {
        Crs z38 = CrsRegistry.fromEpsg(4526);
        GaussKruger gk = z38.gaussKruger().orElseThrow();
        assertEquals(114, gk.centralMeridian());
        assertEquals(3, gk.zoneWidth());
        assertEquals(38, gk.zone());
        assertTrue(gk.prefixed());
        assertEquals(38_500_000, gk.falseEasting());
        assertEquals("CGCS2000 / 3-degree Gauss-Kruger zone 38", z38.nameEn());
        assertEquals(DatumFamily.CGCS2000, z38.datum());

        Crs cm114 = CrsRegistry.fromEpsg(4547);
        assertEquals("CGCS2000 / 3-degree Gauss-Kruger CM 114E", cm114.nameEn());
        assertEquals("2000国家大地坐标系 高斯-克吕格投影 3度带 中央经线114°", cm114.nameZh());
        assertFalse(cm114.gaussKruger().orElseThrow().prefixed());
        assertEquals(500_000, cm114.gaussKruger().orElseThrow().falseEasting());

        assertEquals(75, cm(4513));
        assertEquals(135, cm(4533));
        assertEquals(75, cm(4534));
        assertEquals(135, cm(4554));
        assertEquals(111, cm(4497));
        assertEquals(19, CrsRegistry.fromEpsg(4497).gaussKruger().orElseThrow().zone());
        assertEquals(117, cm(4498));
        assertEquals(111, cm(4508));
        assertEquals(123, cm(4510));
        assertEquals(6, CrsRegistry.fromEpsg(4508).gaussKruger().orElseThrow().zoneWidth());
        assertEquals("CGCS2000 / Gauss-Kruger zone 19", CrsRegistry.fromEpsg(4497).nameEn());
    }

    @Test
    void xian80AndBeijing54Grids() {
        assertEquals(114, cm(2362));
        assertEquals(38, CrsRegistry.fromEpsg(2362).gaussKruger().orElseThrow().zone());
        assertEquals(120, cm(2364));
        assertEquals(114, cm(2383));
        assertEquals(120, cm(2385));
        assertEquals(75, cm(2327));
        assertEquals(135, cm(2348));
        assertEquals(114, cm(2414));
        assertEquals(114, cm(2435));
        assertEquals(90, cm(2406));
        assertEquals(102, cm(2410));
        assertEquals(DatumFamily.XIAN1980, CrsRegistry.fromEpsg(2383).datum());
        assertEquals(DatumFamily.BEIJING1954, CrsRegistry.fromEpsg(2435).datum());
        assertEquals("Xian 1980 / 3-degree Gauss-Kruger CM 114E", CrsRegistry.fromEpsg(2383).nameEn());
        assertEquals("Beijing 1954 / 3-degree Gauss-Kruger zone 38", CrsRegistry.fromEpsg(2414).nameEn());
        assertEquals(DatumShift.APPROXIMATE, CrsRegistry.fromEpsg(2383).datumShiftToCgcs2000());
    }

    @Test
    void geographicAndWebMercator() {
        assertTrue(CrsRegistry.fromEpsg(4490).isGeographic());
        assertEquals(DatumFamily.CGCS2000, CrsRegistry.fromEpsg(4490).datum());
        assertEquals(DatumFamily.WGS84, CrsRegistry.fromEpsg(4326).datum());
        assertEquals(DatumFamily.XIAN1980, CrsRegistry.fromEpsg(4610).datum());
        assertEquals(DatumFamily.BEIJING1954, CrsRegistry.fromEpsg(4214).datum());
        assertTrue(CrsRegistry.fromEpsg(3857).isProjected());
        assertFalse(CrsRegistry.fromEpsg(3857).isGaussKruger());
        assertTrue(CrsRegistry.fromEpsg(4490) == CrsRegistry.fromEpsg(4490));
    }

    @Test
    void gkZoneFor() {
        assertEquals(4547, CrsRegistry.gkZoneFor(113.38, 3, false).epsg());
        assertEquals(4526, CrsRegistry.gkZoneFor(113.38, 3, true).epsg());
        assertEquals(4497, CrsRegistry.gkZoneFor(113.38, 6, true).epsg());
        assertEquals(4508, CrsRegistry.gkZoneFor(113.38, 6, false).epsg());
        assertEquals(4498, CrsRegistry.gkZoneFor(114.1, 6, true).epsg());
        assertEquals(4548, CrsRegistry.gkZoneFor(115.6, 3, false).epsg());
    }

    @Test
    void unknownCodeSaysWhichAndWhatToDo() {
        GisException e = assertThrows(GisException.class, () -> CrsRegistry.fromEpsg(999_999));
        assertEquals("crs.unknown", e.key());
        String zh = e.getMessage(Messages.CHINESE);
        String en = e.getMessage(Messages.ENGLISH);
        assertTrue(zh.contains("EPSG:999999") && zh.contains("4490"), zh);
        assertTrue(en.contains("EPSG:999999") && en.contains("Convert"), en);
        assertFalse(CrsRegistry.isKnown(999_999));
    }

    /**
     * Our zone facts come from the EPSG numbering rules; the projection maths from proj4j-epsg. They must agree for
     * every code of every family.
     */
    @Test
    void agreesWithProj4jEpsgDefinitions() throws IOException {
        Map<Integer, String> defs = proj4jDefinitions();
        int[][] ranges = {{4491, 4554}, {2327, 2390}, {2401, 2442}, {21413, 21423}, {21453, 21463}};
        int checked = 0;
        for (int[] r : ranges) {
            for (int code = r[0]; code <= r[1]; code++) {
                GaussKruger gk = CrsRegistry.fromEpsg(code).gaussKruger().orElseThrow();
                // proj4j's definition is read on first use: it must be there for every code BasinGuard describes
                assertEquals(Double.parseDouble(param(defs.get(code), "lon_0")),
                        Math.toDegrees(CrsRegistry.fromEpsg(code).proj().getProjection().getProjectionLongitude()), 1e-12, "proj4j's " + code);
                String def = defs.get(code);
                assertEquals(gk.centralMeridian(), Double.parseDouble(param(def, "lon_0")), 0, "lon_0 of " + code);
                assertEquals(gk.falseEasting(), Double.parseDouble(param(def, "x_0")), 0, "x_0 of " + code);
                assertEquals(1.0, Double.parseDouble(param(def, "k")), 0, "k of " + code);
                assertEquals(0.0, Double.parseDouble(param(def, "lat_0")), 0, "lat_0 of " + code);
                checked++;
            }
        }
        assertEquals(64 + 64 + 42 + 22, checked);
        for (int code : new int[] {4490, 4326, 4610, 4214, 3857}) {
            assertNotNull(CrsRegistry.fromEpsg(code).proj(), "proj4j's " + code);
        }
        assertTrue(defs.get(4490).contains("+ellps=GRS80"), "proj4j puts 4490 on GRS80");
        assertTrue(defs.get(4610).contains("+a=6378140"));
        assertFalse(defs.get(2383).contains("towgs84"), "proj4j has no datum shift for Xian 1980");
        assertTrue(defs.get(2435).contains("+towgs84=15.8,-154.4,-82.3"));
    }

    /** The quick lookup of proj4j's definitions gives what proj4j's own gives, and knows no code proj4j does not. */
    @Test
    void quickDefinitionLookupAgreesWithProj4j() throws IOException {
        org.locationtech.proj4j.CRSFactory proj4j = new org.locationtech.proj4j.CRSFactory();
        List<Integer> codes = new ArrayList<>(proj4jDefinitions().keySet());
        java.util.Collections.sort(codes);
        List<Integer> sample = new ArrayList<>(List.of(codes.get(0), codes.get(codes.size() - 1), 4490, 4547, 4526, 2383, 3857, 4326));
        for (int i = 0; i < codes.size(); i += 151) {
            sample.add(codes.get(i));
        }
        for (int code : sample) {
            String ours = Proj4Definitions.of(code);
            assertNotNull(ours, "definition of " + code);
            String theirs;
            try {
                theirs = proj4j.createFromName("EPSG:" + code).getParameterString();
            } catch (RuntimeException e) {
                theirs = e.getClass().getName(); // a definition proj4j cannot take (+vunits …): refused both ways
            }
            String again;
            try {
                again = proj4j.createFromParameters("EPSG:" + code, ours).getParameterString();
            } catch (RuntimeException e) {
                again = e.getClass().getName();
            }
            assertEquals(theirs, again, "EPSG:" + code);
        }
        assertNull(Proj4Definitions.of(999_998));
        assertNull(Proj4Definitions.of(454)); // a prefix of real codes
    }

    private static String param(String def, String name) {
        Matcher m = Pattern.compile("\\+" + name + "=([-0-9.]+)").matcher(def);
        assertTrue(m.find(), name + " in " + def);
        return m.group(1);
    }

    private static Map<Integer, String> proj4jDefinitions() throws IOException {
        Map<Integer, String> out = new HashMap<>();
        Pattern line = Pattern.compile("^<(\\d+)>\\s*(.*)$");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
            CrsRegistryTest.class.getResourceAsStream("/proj4/nad/epsg"), StandardCharsets.UTF_8))) {
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                Matcher m = line.matcher(s);
                if (m.matches()) {
                    out.put(Integer.parseInt(m.group(1)), m.group(2));
                }
            }
        }
        return out;
    }
}
