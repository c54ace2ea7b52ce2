package cn.basinguard.core.importer;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.i18n.Messages;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/** Reads polygon Shapefiles (.shp with its .dbf, .prj and .cpg). */
public final class ShapefileReader {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final int HEADER = 100;

    public ImportedSites read(Path shp) throws IOException {
        List<ImportProblem> problems = new ArrayList<>();
        Crs crs = crs(shp, problems);
        List<Map<String, Object>> rows = attributes(shp, problems);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(shp));
        List<ImportedSite> sites = new ArrayList<>();
        if (b.capacity() < HEADER) {
            problems.add(new ImportProblem(0, Messages.get("import.shp.truncated", 0)));
            return new ImportedSites(shp, crs, sites, problems);
        }
        int at = HEADER;
        int record = 0;
        while (at + 8 <= b.capacity()) {
            record++;
            int contentBytes = b.order(ByteOrder.BIG_ENDIAN).getInt(at + 4) * 2;
            if (at + 8 + contentBytes > b.capacity() || contentBytes < 4) {
                problems.add(new ImportProblem(record, Messages.get("import.shp.truncated", record)));
                break;
            }
            Geometry g = shape(b.order(ByteOrder.LITTLE_ENDIAN), at + 8);
            at += 8 + contentBytes;
            if (g == null) {
                problems.add(new ImportProblem(record, Messages.get("import.shp.notPolygon", record)));
                continue;
            }
            Map<String, Object> attrs = record <= rows.size() ? rows.get(record - 1) : Map.of();
            String id = String.valueOf(record);
            sites.add(new ImportedSite(GeoJsonReader.name(new java.util.LinkedHashMap<>(attrs), id), id, attrs, g,
                null));
        }
        return new ImportedSites(shp, crs, sites, problems);
    }

    private static Crs crs(Path shp, List<ImportProblem> problems) throws IOException {
        Path prj = sibling(shp, ".prj");
        if (prj == null) {
            problems.add(new ImportProblem(0, Messages.get("import.shp.noPrj")));
            return null;
        }
        String wkt = TextDecoder.decode(Files.readAllBytes(prj));
        Crs crs = CrsRegistry.fromWkt(wkt).orElse(null);
        if (crs == null) {
            problems.add(new ImportProblem(0, Messages.get("import.shp.unknownPrj",
                wkt.length() > 80 ? wkt.substring(0, 80) + "…" : wkt)));
        }
        return crs;
    }

    private static List<Map<String, Object>> attributes(Path shp, List<ImportProblem> problems) throws IOException {
        Path dbf = sibling(shp, ".dbf");
        if (dbf == null) {
            problems.add(new ImportProblem(0, Messages.get("import.shp.noDbf")));
            return List.of();
        }
        Path cpg = sibling(shp, ".cpg");
        Charset charset = cpg == null ? null : DbfTable.charsetFromCpg(Files.readString(cpg,
            java.nio.charset.StandardCharsets.ISO_8859_1));
        DbfTable table = DbfTable.parse(Files.readAllBytes(dbf), charset);
        if (table.truncated()) {
            problems.add(new ImportProblem(table.rows().size() + 1, Messages.get("import.shp.dbfTruncated",
                table.rows().size())));
        }
        return table.rows();
    }

    /** The file next to the .shp with this extension, in either letter case as Windows tools write them. */
    private static Path sibling(Path shp, String ext) {
        String name = shp.getFileName().toString();
        String stem = name.substring(0, name.length() - 4);
        for (String e : new String[] {ext, ext.toUpperCase(java.util.Locale.ROOT)}) {
            Path p = shp.resolveSibling(stem + e);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private static Geometry shape(ByteBuffer b, int at) {
        int type = b.getInt(at);
        if (type != 5 && type != 15 && type != 25) {
            return null;
        }
        int numParts = b.getInt(at + 36);
        int numPoints = b.getInt(at + 40);
        int pointsAt = at + 44 + 4 * numParts;
        List<LinearRing> rings = new ArrayList<>();
        for (int p = 0; p < numParts; p++) {
            int from = b.getInt(at + 44 + 4 * p);
            int to = p + 1 < numParts ? b.getInt(at + 44 + 4 * (p + 1)) : numPoints;
            Coordinate[] c = new Coordinate[to - from];
            for (int i = from; i < to; i++) {
                c[i - from] = new Coordinate(b.getDouble(pointsAt + 16 * i), b.getDouble(pointsAt + 16 * i + 8));
            }
            rings.add(GF.createLinearRing(c));
        }
        return polygons(rings);
    }

    /** Clockwise rings are outer rings in a Shapefile; each counter-clockwise ring belongs to the shell around it. */
    private static Geometry polygons(List<LinearRing> rings) {
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        for (LinearRing r : rings) {
            (Orientation.isCCW(r.getCoordinates()) ? holes : shells).add(r);
        }
        List<List<LinearRing>> owned = new ArrayList<>();
        shells.forEach(s -> owned.add(new ArrayList<>()));
        for (LinearRing h : holes) {
            int owner = -1;
            for (int i = 0; i < shells.size(); i++) {
                if (PointLocation.isInRing(h.getCoordinateN(0), shells.get(i).getCoordinates())
                    && (owner < 0 || shells.get(i).getEnvelopeInternal().getArea()
                    < shells.get(owner).getEnvelopeInternal().getArea())) {
                    owner = i;
                }
            }
            if (owner < 0) {
                // a lone counter-clockwise ring is a wrongly wound shell, common in hand-made files
                shells.add(h);
                owned.add(new ArrayList<>());
            } else {
                owned.get(owner).add(h);
            }
        }
        Polygon[] polys = new Polygon[shells.size()];
        for (int i = 0; i < polys.length; i++) {
            polys[i] = GF.createPolygon(shells.get(i), owned.get(i).toArray(LinearRing[]::new));
        }
        return polys.length == 1 ? polys[0] : GF.createMultiPolygon(polys);
    }
}
