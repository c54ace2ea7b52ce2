package cn.basinguard.app.ui;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.DatumFamily;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.shp.DbfSource;
import cn.basinguard.core.source.shp.ShapefileSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a layer of the window comes from, as the layers panel shows it: the file (its path in the opened folder when it
 * is in one), its format, for Shapefiles and dBase tables the text encoding of the attributes and how it was decided,
 * the layer's CRS with whether a datum shift was given, and what opening the file found wrong.
 *
 * @param location the source's location, from which the layer is read again (attribute table, identify, labels)
 * @param name the file as shown: "DLTB.shp" (its path in the opened folder), "zengdu-sample.gpkg"
 * @param format "ESRI Shapefile", "GeoPackage 1.3"
 * @param encoding "属性编码 GB18030（无 .cpg，按内容判断）", or null for formats that store text as UTF-8
 * @param encodingShort the same for the row: "GB18030 按内容判断", "GB18030 据 .cpg"
 * @param crs the layer's CRS as read (with the seven parameters when given), or null
 * @param warnings what opening the file found wrong, each one line naming the file
 */
record LayerSource(String location, String name, String format, String encoding, String encodingShort, Crs crs, List<String> warnings) {
    LayerSource {
        warnings = List.copyOf(warnings);
    }

    static LayerSource of(DataSource given, LayerInfo layer, OpenedData data) {
        // what the file is (a Shapefile and how its encoding was decided), under the window's model that lends it
        DataSource src = cn.basinguard.core.source.ForwardingSource.innermost(given);
        String name = src.label();
        Path loc = Path.of(src.location());
        Path folder = data.folderOf(loc);
        if (folder != null) {
            name = folder.relativize(loc).toString().replace('\\', '/'); // the folder itself is in the title bar
        }
        // a Shapefile's or dBase table's description is how its text encoding was decided
        String encoding = src instanceof ShapefileSource s && s.encoding() != null || src instanceof DbfSource ? layer.description() : null;
        String encodingShort = encoding;
        if (src instanceof ShapefileSource s && s.encoding() != null) {
            encodingShort = s.encoding().charset().name() + " " + UiText.get("source.basis." + s.encoding().basis().name());
        }
        Crs crs = layer.srs() == null ? null : layer.srs().crs();
        return new LayerSource(src.location(), name, src.format(), encoding, encodingShort, crs, src.warnings());
    }

    /** Whether the layer's datum needs seven parameters to be placed exactly (Xi'an 1980, Beijing 1954). */
    boolean needsDatumShift() {
        return crs != null && (crs.datum() == DatumFamily.XIAN1980 || crs.datum() == DatumFamily.BEIJING1954);
    }

    /**
     * The one line under the layer's name, kept short for the panel's width: the file (its extension says the format),
     * then what needs the user's attention (a datum without its seven parameters, problems with the file), then the
     * text encoding and how it was decided. The rest is in {@link #details()}.
     */
    String line() {
        List<String> parts = new ArrayList<>(List.of(name));
        if (needsDatumShift()) {
            parts.add(UiText.get(crs.datumShift().isPresent() ? "source.shifted" : "source.approximate", datumName(crs.datum())));
        }
        if (!warnings.isEmpty()) {
            parts.add(UiText.get("source.warningCount", warnings.size()));
        }
        if (encodingShort != null) {
            parts.add(encodingShort);
        } else if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".gpkg")) {
            parts.add(format);
        }
        return String.join(" · ", parts);
    }

    /** The full text of the row's tooltip: the location, format, encoding and how it was decided, CRS, every warning. */
    String details() {
        StringBuilder sb = new StringBuilder(UiText.get("source.location", location));
        sb.append('\n').append(UiText.get("source.format", format));
        if (encoding != null) {
            sb.append('\n').append(encoding);
        }
        if (crs != null) {
            sb.append('\n').append(UiText.get("source.crs", english() ? crs.nameEn() : crs.nameZh()));
            if (needsDatumShift()) {
                sb.append('\n').append(crs.datumShift().map(p -> UiText.get("source.shift", p.text()))
                        .orElse(UiText.get("source.noShift", datumName(crs.datum()))));
            }
        }
        for (String w : warnings) {
            sb.append('\n').append("⚠ ").append(w);
        }
        return sb.toString();
    }

    static String datumName(DatumFamily d) {
        return english() ? d.nameEn() : d.nameZh();
    }

    private static boolean english() {
        return cn.basinguard.core.i18n.Messages.locale().getLanguage().equals("en");
    }
}
