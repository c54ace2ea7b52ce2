package cn.basinguard.data;

import cn.basinguard.core.crs.BursaWolf;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.crs.GeometryTransformer;
import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.source.shp.DbfEncoding;
import cn.basinguard.core.source.shp.ShapefileWriter;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Zengdu sample as a district bureau delivers it: a folder of Shapefiles, written from the sample GeoPackage so
 * that both hold the same features. Each layer is delivered the way real folders vary:
 * <ul>
 * <li>流域治理单元.shp and 生态保护红线.shp — Chinese file names; GB18030 text with a .cpg that says GBK, as tools that
 *     write 㵐 (not in GBK) under a GBK label do;</li>
 * <li>DLTB.shp — no .cpg and no language-driver byte: the encoding must be told from the bytes;</li>
 * <li>YJJBNTTB.shp — .cpg "936" and language driver 0x4D;</li>
 * <li>SKSM.shp — the reservoirs still in Xi'an 1980 / 3-degree GK zone 38 (EPSG:2362), moved there from CGCS2000
 *     with the inverse of {@link #XIAN80_PARAMETERS};</li>
 * <li>JCDM.shp — sections as points in CGCS2000 lon/lat, UTF-8 with a .cpg; XMXZ.shp — project sites in EPSG:4547.</li>
 * </ul>
 * The bottom-line list goes beside it as an Excel workbook ({@link ControlListWorkbook}), as bureaus keep it.
 */
final class BureauFolder {
    /**
     * Seven parameters Xi'an 1980 → CGCS2000 "as a province publishes them" (coordinate-frame rotations, seconds; scale
     * in ppm). Made up for the demonstration, of the size real sets have; documented in data/README.md.
     */
    static final String XIAN80_PARAMETERS = "XIAN80:-118.53,62.87,47.35,1.736,-2.185,-3.114,2.618";

    private record Delivery(String table, String file, Charset charset, String cpg, int languageDriver, Crs crs) {
    }

    private BureauFolder() {
    }

    static void write(Path gpkg, Path folder) throws Exception {
        Files.createDirectories(folder);
        Crs xian80 = CrsRegistry.fromEpsg(2362).withDatumShift(BursaWolf.parse(XIAN80_PARAMETERS));
        List<Delivery> deliveries = List.of(
            new Delivery(SampleLayers.UNITS, "流域治理单元", DbfEncoding.GB18030, "GBK", 0, null),
            new Delivery(SampleLayers.CULTIVATED, "DLTB", DbfEncoding.GB18030, null, 0, null),
            new Delivery(SampleLayers.BASIC_FARMLAND, "YJJBNTTB", DbfEncoding.GB18030, "936", 0x4D, null),
            new Delivery(SampleLayers.RED_LINE, "生态保护红线", DbfEncoding.GB18030, "GBK", 0, null),
            new Delivery(SampleLayers.RESERVOIRS, "SKSM", DbfEncoding.GB18030, "GBK", 0x4D, xian80),
            new Delivery(SampleLayers.SECTIONS, "JCDM", StandardCharsets.UTF_8, "UTF-8", 0, null),
            new Delivery(SampleLayers.SITES, "XMXZ", DbfEncoding.GB18030, "GBK", 0, null));
        try (GeoPackageSource src = GeoPackageSource.open(gpkg)) {
            for (Delivery d : deliveries) {
                LayerInfo info = src.layer(d.table());
                Crs from = info.srs().crs();
                Crs to = d.crs() == null ? from : d.crs();
                List<Feature> features = new ArrayList<>();
                src.read(info.name(), null, null, features::add, p -> {
                    throw new IllegalStateException("the sample has an unreadable feature: " + p);
                });
                List<ShapefileWriter.Row> rows = new ArrayList<>(features.size());
                for (Feature f : features) {
                    rows.add(new ShapefileWriter.Row(f.geometry() == null || from.equals(to) ? f.geometry()
                        : GeometryTransformer.shared().transform(f.geometry(), from, to), f.attributes()));
                }
                String type = info.geometryType().contains("POINT") ? "POINT" : "POLYGON";
                new ShapefileWriter(type, fields(info, features, d.charset()), d.charset(), d.cpg(), d.languageDriver())
                    .write(folder, d.file(), to, rows);
            }
        }
    }

    /** dBase columns wide enough for every value: text by its encoded length, numbers by their digits. */
    private static List<ShapefileWriter.Field> fields(LayerInfo info, List<Feature> features, Charset charset) {
        List<ShapefileWriter.Field> out = new ArrayList<>();
        for (LayerInfo.FieldInfo fi : info.fields()) {
            String t = fi.type().toUpperCase(java.util.Locale.ROOT);
            if (t.startsWith("INT")) {
                int width = 1;
                for (Feature f : features) {
                    Object v = f.attributes().get(fi.name());
                    width = Math.max(width, v == null ? 1 : v.toString().length());
                }
                out.add(new ShapefileWriter.Field(fi.name(), 'N', Math.max(width, 9), 0));
            } else if (t.startsWith("REAL") || t.startsWith("DOUBLE") || t.startsWith("FLOAT")) {
                int intDigits = 1;
                int decimals = 0;
                for (Feature f : features) {
                    if (f.attributes().get(fi.name()) instanceof Number n) {
                        BigDecimal b = new BigDecimal(n.toString()).stripTrailingZeros();
                        decimals = Math.max(decimals, Math.max(0, b.scale()));
                        intDigits = Math.max(intDigits, b.precision() - b.scale());
                    }
                }
                decimals = Math.min(decimals, 10);
                out.add(new ShapefileWriter.Field(fi.name(), 'N', Math.min(254, intDigits + decimals + 2), decimals));
            } else {
                int width = 1;
                for (Feature f : features) {
                    Object v = f.attributes().get(fi.name());
                    width = Math.max(width, v == null ? 1 : v.toString().getBytes(charset).length);
                }
                out.add(new ShapefileWriter.Field(fi.name(), 'C', Math.min(254, width), 0));
            }
        }
        return out;
    }
}
