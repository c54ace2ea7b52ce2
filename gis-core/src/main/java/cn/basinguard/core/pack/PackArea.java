package cn.basinguard.core.pack;

import cn.basinguard.core.GisException;
import cn.basinguard.core.check.Area;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.i18n.Messages;
import cn.basinguard.core.importer.ImportedSite;
import cn.basinguard.core.importer.ImportedSites;
import cn.basinguard.core.importer.SiteImporter;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.DataSources;
import cn.basinguard.core.source.SourceOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The area of interest of an offline pack, as the user gives it: one unit of the units layer, a box (in a given CRS,
 * else that of the units layer), the polygons of a boundary file, or the whole data.
 */
public sealed interface PackArea {
    /** Everything the role layers hold. */
    record Whole() implements PackArea {
    }

    /** One unit, by the name its units layer gives it. */
    record Unit(String name) implements PackArea {
    }

    /** A box; {@code crs} null means the CRS of the units layer. */
    record Extent(Envelope box, Crs crs) implements PackArea {
        /** "XMIN,YMIN,XMAX,YMAX" as the command line gives it. */
        public static Envelope parse(String text) {
            return parseBox(text);
        }
    }

    /** The polygons of a file (GeoPackage, Shapefile, GeoJSON, KML, coordinate TXT), their union. */
    record Boundary(Path file) implements PackArea {
    }

    /** "XMIN,YMIN,XMAX,YMAX" as the command line gives it. */
    static Envelope parseBox(String text) {
        String[] parts = text.split("[,，\\s]+");
        if (parts.length != 4) {
            throw new GisException("pack.badExtent", text);
        }
        double[] v = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                v[i] = Double.parseDouble(parts[i].strip());
            }
        } catch (NumberFormatException e) {
            throw new GisException("pack.badExtent", text);
        }
        if (!(v[0] < v[2] && v[1] < v[3])) {
            throw new GisException("pack.badExtent", text);
        }
        return new Envelope(v[0], v[2], v[1], v[3]);
    }

    /** How the area is named in messages, metadata and on the pack. */
    default String describe() {
        if (this instanceof Unit u) {
            return Messages.get("pack.area.unit", u.name());
        }
        if (this instanceof Extent e) {
            return Messages.get("pack.area.extent", String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%.3f", e.box().getMinX(), e.box().getMinY(),
                    e.box().getMaxX(), e.box().getMaxY()), e.crs() == null ? "" : "EPSG:" + e.crs().epsg());
        }
        if (this instanceof Boundary b) {
            return Messages.get("pack.area.boundary", b.file().getFileName());
        }
        return Messages.get("pack.area.whole");
    }

    /** The outline of a box in its CRS. */
    static Area boxArea(Envelope box, Crs crs, String name) {
        return Area.outline(name, new GeometryFactory().toGeometry(box), crs);
    }

    /** The union of the polygons of a boundary file, in the file's CRS. */
    static Area boundaryArea(Path file, SourceOptions options) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<Geometry> parts = new ArrayList<>();
        Crs crs;
        if (n.endsWith(".gpkg")) {
            try (DataSource src = DataSources.openFile(file, options)) {
                List<LayerInfo> polygonal = src.layers().stream().filter(l -> l.kind() == LayerInfo.Kind.FEATURES
                        && l.geometryType() != null && l.geometryType().contains("POLYGON")).toList();
                if (polygonal.size() != 1) {
                    throw new GisException("pack.boundaryLayers", file.getFileName(), polygonal.size(),
                            String.join("、", polygonal.stream().map(LayerInfo::name).toList()));
                }
                LayerInfo l = polygonal.get(0);
                crs = l.srs() == null ? null : l.srs().crs();
                src.read(l.name(), null, List.of(), f -> {
                    if (f.geometry() instanceof Polygonal && !f.geometry().isEmpty()) {
                        parts.add(f.geometry());
                    }
                }, p -> { });
            }
        } else {
            ImportedSites sites = SiteImporter.read(file);
            crs = sites.crs();
            for (ImportedSite s : sites.sites()) {
                if (s.geometry() instanceof Polygonal && !s.geometry().isEmpty()) {
                    parts.add(s.geometry());
                }
            }
        }
        if (crs == null) {
            throw new GisException("pack.boundaryNoCrs", file.getFileName());
        }
        if (parts.isEmpty()) {
            throw new GisException("pack.boundaryEmpty", file.getFileName());
        }
        Geometry outline = parts.size() == 1 ? parts.get(0) : UnaryUnionOp.union(parts);
        return Area.outline(file.getFileName().toString(), outline, crs);
    }
}
