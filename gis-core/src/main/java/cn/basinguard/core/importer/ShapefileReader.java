package cn.basinguard.core.importer;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.i18n.Messages;
import cn.basinguard.core.source.shp.RingNesting;
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

    /** A .prj or .cpg is a line or two; a bigger one is no such file and is not read whole. */
    private static final int MAX_SIDECAR_BYTES = 1 << 20;
    private static final int FILE_CODE = 9994;

    /** The CRS the user says the coordinates are in (over the .prj's); null: as the .prj says. */
    private final Crs assumed;

    public ShapefileReader() {
        this(null);
    }

    public ShapefileReader(Crs assumed) {
        this.assumed = assumed;
    }

    public ImportedSites read(Path shp) throws IOException {
        List<ImportProblem> problems = new ArrayList<>();
        Crs crs = assumed != null ? assumed : crs(shp, problems);
        List<Map<String, Object>> rows = attributes(shp, problems);
        return read(shp, Files.readAllBytes(shp), crs, rows, problems);
    }

    /** Reads the records of .shp bytes; every count and offset is checked against the bytes present first. */
    ImportedSites read(Path source, byte[] bytes, Crs crs, List<Map<String, Object>> rows, List<ImportProblem> problems) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        List<ImportedSite> sites = new ArrayList<>();
        if (b.capacity() < HEADER || b.order(ByteOrder.BIG_ENDIAN).getInt(0) != FILE_CODE) {
            problems.add(new ImportProblem(0, Messages.get(b.capacity() < HEADER ? "import.shp.truncated" : "import.shp.notShapefile", 0)));
            return new ImportedSites(source, crs, sites, problems);
        }
        long at = HEADER;
        int record = 0;
        while (at + 8 <= b.capacity()) {
            record++;
            long contentBytes = Integer.toUnsignedLong(b.order(ByteOrder.BIG_ENDIAN).getInt((int) at + 4)) * 2;
            if (at + 8 + contentBytes > b.capacity() || contentBytes < 4) {
                problems.add(new ImportProblem(record, Messages.get("import.shp.truncated", record)));
                break;
            }
            int content = (int) at + 8;
            at += 8 + contentBytes;
            boolean[] closed = {false};
            Geometry g;
            try {
                g = shape(b.order(ByteOrder.LITTLE_ENDIAN), content, (int) contentBytes, crs, closed);
            } catch (SiteProblem e) {
                problems.add(new ImportProblem(record, Messages.get("import.shp.badRecord", record, e.getMessage())));
                continue;
            }
            if (g == null) {
                problems.add(new ImportProblem(record, Messages.get("import.shp.notPolygon", record)));
                continue;
            }
            if (closed[0]) {
                problems.add(new ImportProblem(record, Messages.get("import.shp.unclosed", record)));
            }
            Map<String, Object> attrs = record <= rows.size() ? rows.get(record - 1) : Map.of();
            String id = String.valueOf(record);
            sites.add(new ImportedSite(GeoJsonReader.name(new java.util.LinkedHashMap<>(attrs), id), id, attrs, g,
                null));
        }
        return new ImportedSites(source, crs, sites, problems);
    }

    private static Crs crs(Path shp, List<ImportProblem> problems) throws IOException {
        Path prj = sibling(shp, ".prj");
        if (prj == null) {
            problems.add(new ImportProblem(0, Messages.get("import.shp.noPrj")));
            return null;
        }
        if (Files.size(prj) > MAX_SIDECAR_BYTES) {
            problems.add(new ImportProblem(0, Messages.get("import.shp.unknownPrj", "> 1 MB")));
            return null;
        }
        return crsOfPrj(TextDecoder.decode(Files.readAllBytes(prj)), problems);
    }

    /** The CRS a .prj's WKT names; null, and a problem, when the program does not recognise it. */
    static Crs crsOfPrj(String wkt, List<ImportProblem> problems) {
        Crs crs = CrsRegistry.fromWkt(wkt).orElse(null);
        if (crs == null) {
            String shown = DbfTable.oneLine(wkt.strip());
            problems.add(new ImportProblem(0, Messages.get("import.shp.unknownPrj",
                shown.length() > 80 ? shown.substring(0, 80) + "…" : shown)));
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
        Charset charset = cpg == null || Files.size(cpg) > MAX_SIDECAR_BYTES ? null
            : DbfTable.charsetFromCpg(Files.readString(cpg, java.nio.charset.StandardCharsets.ISO_8859_1));
        return attributes(Files.readAllBytes(dbf), charset, problems);
    }

    /** The rows of .dbf bytes; what does not fit the file becomes a problem, never an exception. */
    static List<Map<String, Object>> attributes(byte[] dbf, Charset charset, List<ImportProblem> problems) {
        List<String> dbfProblems = new ArrayList<>();
        DbfTable table = DbfTable.parse(dbf, charset, dbfProblems);
        dbfProblems.forEach(p -> problems.add(new ImportProblem(0, p)));
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

    /**
     * A Polygon (5), PolygonZ (15) or PolygonM (25) record; null for other shape types. The part and point counts
     * must fit in the record's own length before anything is allocated, and the part offsets must rise within the
     * points.
     */
    private static Geometry shape(ByteBuffer b, int at, int length, Crs crs, boolean[] closed) throws SiteProblem {
        int type = b.getInt(at);
        if (type != 5 && type != 15 && type != 25) {
            return null;
        }
        if (length < 44) {
            throw new SiteProblem("import.shp.shortRecord", length);
        }
        long numParts = b.getInt(at + 36);
        long numPoints = b.getInt(at + 40);
        if (numParts < 1 || numPoints < 0 || 44 + 4 * numParts + 16 * numPoints > length) {
            throw new SiteProblem("import.shp.counts", numParts, numPoints, length);
        }
        int pointsAt = at + 44 + 4 * (int) numParts;
        List<LinearRing> rings = new ArrayList<>();
        for (int p = 0; p < numParts; p++) {
            int from = b.getInt(at + 44 + 4 * p);
            int to = p + 1 < numParts ? b.getInt(at + 44 + 4 * (p + 1)) : (int) numPoints;
            if (from < 0 || to < from || to > numPoints) {
                throw new SiteProblem("import.shp.parts", from, to, numPoints);
            }
            List<Coordinate> c = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                double x = b.getDouble(pointsAt + 16 * i);
                double y = b.getDouble(pointsAt + 16 * i + 8);
                CoordinateLimits.check(x, y, crs);
                c.add(new Coordinate(x, y));
            }
            Rings.Ring r = Rings.close(c);
            closed[0] |= r.closedByReader();
            rings.add(GF.createLinearRing(r.points()));
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
        List<Polygon> polys = new ArrayList<>(shells.size());
        if (RingNesting.shellInShell(shells)) {
            polys.addAll(RingNesting.byNesting(rings, GF)); // windings against the rule throughout
        } else {
            for (int i = 0; i < shells.size(); i++) {
                polys.add(GF.createPolygon(shells.get(i), owned.get(i).toArray(LinearRing[]::new)));
            }
        }
        return polys.size() == 1 ? polys.get(0) : GF.createMultiPolygon(polys.toArray(Polygon[]::new));
    }
}
