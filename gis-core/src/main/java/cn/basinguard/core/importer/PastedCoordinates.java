package cn.basinguard.core.importer;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.crs.DatumFamily;
import cn.basinguard.core.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * One site from boundary points a planner types or pastes (from Excel, a survey report or a land-approval TXT): one
 * point per line as {@code X,Y}, {@code 点号,X,Y} or {@code 点号,圈号,X,Y}, X = northing and Y = easting as in the
 * land-approval format, or {@code 经度,纬度} in decimal degrees. Fields are separated by commas (ASCII or Chinese), tabs
 * or spaces. A blank line or a new 圈号 starts a ring; the first usable ring is the outline and later ones are holes.
 *
 * <p>The CRS comes from the coordinates alone: degrees are CGCS2000 (EPSG:4490), an easting with its zone prefix
 * (38512345.67) gives the CGCS2000 Gauss–Krüger zone; plain eastings leave it null for the caller to ask.
 */
public final class PastedCoordinates {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final java.util.regex.Pattern FIELDS = java.util.regex.Pattern.compile("\\s*,\\s*|\\s+");

    private record Point(int line, double first, double second) {
    }

    private record Ring(int firstLine, Coordinate[] closed) {
    }

    private PastedCoordinates() {
    }

    /** @param siteName the name the user gave the site */
    public static ImportedSites parse(String text, String siteName) {
        List<ImportProblem> problems = new ArrayList<>();
        List<List<Point>> rings = split(text, problems);
        List<Point> all = rings.stream().flatMap(List::stream).toList();
        if (all.isEmpty()) {
            problems.add(new ImportProblem(0, Messages.get("import.paste.noRings")));
            return new ImportedSites(null, null, List.of(), problems);
        }
        PointReading reading = PointReading.of(all.get(0), problems);
        List<Ring> closed = new ArrayList<>();
        for (List<Point> points : rings) {
            Ring ring = ring(points, reading, problems);
            if (ring != null) {
                closed.add(ring);
            }
        }
        Polygon polygon = polygon(closed, problems);
        List<ImportedSite> sites = polygon == null ? List.of()
            : List.of(new ImportedSite(siteName, "", Map.of(), polygon, null));
        problems.sort(java.util.Comparator.comparingInt(ImportProblem::location));
        return new ImportedSites(null, reading.crs(), sites, problems);
    }

    /** The points of each ring in input order; lines that are not points are reported and left out. */
    private static List<List<Point>> split(String text, List<ImportProblem> problems) {
        List<List<Point>> rings = new ArrayList<>();
        List<Point> current = new ArrayList<>();
        String ringNo = null;
        String[] lines = CoordinateTxtReader.LINES.split(text, -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                current = flush(rings, current);
                continue;
            }
            String[] f = FIELDS.split(line.replace('，', ','));
            Point p = f.length < 2 || f.length > 4 ? null : point(i + 1, f[f.length - 2], f[f.length - 1]);
            if (p == null) {
                problems.add(new ImportProblem(i + 1, Messages.get("import.paste.badLine", i + 1, excerpt(line))));
                continue;
            }
            if (Math.abs(p.first()) > CoordinateLimits.MAX_ABS || Math.abs(p.second()) > CoordinateLimits.MAX_ABS) {
                problems.add(new ImportProblem(i + 1, Messages.get("import.paste.badPoint", i + 1,
                    Messages.get("import.coord.absurd", f[f.length - 2], f[f.length - 1], ""))));
                continue;
            }
            if (f.length == 4 && !f[1].equals(ringNo)) {
                current = flush(rings, current);
                ringNo = f[1];
            }
            current.add(p);
        }
        flush(rings, current);
        return rings;
    }

    private static String excerpt(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }

    private static Point point(int line, String first, String second) {
        try {
            Point p = new Point(line, Double.parseDouble(first), Double.parseDouble(second));
            return Double.isFinite(p.first()) && Double.isFinite(p.second()) ? p : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<Point> flush(List<List<Point>> rings, List<Point> current) {
        if (current.isEmpty()) {
            return current;
        }
        rings.add(current);
        return new ArrayList<>();
    }

    private static Ring ring(List<Point> points, PointReading reading, List<ImportProblem> problems) {
        List<Coordinate> c = new ArrayList<>();
        for (Point p : points) {
            Coordinate xy = reading.coordinate(p, problems);
            if (xy != null) {
                c.add(xy);
            }
        }
        int firstLine = points.get(0).line();
        long distinct = c.stream().map(p -> p.x + "," + p.y).distinct().count();
        if (distinct < 3) {
            problems.add(new ImportProblem(firstLine, Messages.get("import.paste.tooFewPoints", firstLine, distinct)));
            return null;
        }
        if (!c.get(0).equals2D(c.get(c.size() - 1))) {
            // typed outlines often stop at the last corner; closing it is what the planner meant
            problems.add(new ImportProblem(points.get(points.size() - 1).line(),
                Messages.get("import.paste.unclosed", firstLine)));
            c.add(new Coordinate(c.get(0)));
        }
        return new Ring(firstLine, c.toArray(Coordinate[]::new));
    }

    private static Polygon polygon(List<Ring> closed, List<ImportProblem> problems) {
        if (closed.isEmpty()) {
            problems.add(new ImportProblem(0, Messages.get("import.paste.noRings")));
            return null;
        }
        LinearRing shell = GF.createLinearRing(closed.get(0).closed());
        List<LinearRing> holes = new ArrayList<>();
        for (Ring ring : closed.subList(1, closed.size())) {
            LinearRing hole = GF.createLinearRing(ring.closed());
            // every corner inside the outline: a plain point test, which unlike a JTS predicate never fails on a
            // self-intersecting outline typed by hand
            if (java.util.Arrays.stream(ring.closed()).allMatch(c -> PointLocation.isInRing(c, closed.get(0).closed()))) {
                holes.add(hole);
            } else {
                // a second plot typed after the first would otherwise become a hole that cuts nothing
                problems.add(new ImportProblem(ring.firstLine(),
                    Messages.get("import.paste.holeOutside", ring.firstLine())));
            }
        }
        return GF.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    /**
     * How every point is read, decided by the first: degrees or metres, column order, and the zone prefix all points
     * must share (a site lies in one zone).
     */
    private record PointReading(boolean degrees, boolean swapped, int zone, Crs crs) {
        static PointReading of(Point first, List<ImportProblem> problems) {
            if (isLatLon(first)) {
                // web maps and phones give latitude first: read so, and say so, rather than leave it to a CRS question
                problems.add(new ImportProblem(first.line(), Messages.get("import.paste.latLon")));
                return new PointReading(true, true, 0, CrsRegistry.fromEpsg(4490));
            }
            if (isDegrees(first)) {
                return new PointReading(true, false, 0, CrsRegistry.fromEpsg(4490));
            }
            // a northing in China has 7 integer digits, an easting 6, or 8 with its zone prefix
            boolean swapped = digits(first.first()) != 7 && digits(first.second()) == 7;
            if (swapped) {
                problems.add(new ImportProblem(first.line(), Messages.get("import.paste.swapped")));
            }
            int zone = zoneOf(swapped ? first.first() : first.second());
            if (zone == 0) {
                problems.add(new ImportProblem(0, Messages.get("import.paste.noZone")));
                return new PointReading(false, swapped, 0, null);
            }
            try {
                return new PointReading(false, swapped, zone, TxtCrsResolver.grid(DatumFamily.CGCS2000, zone,
                    TxtCrsResolver.widthOfZone(zone), true));
            } catch (RuntimeException e) {
                problems.add(new ImportProblem(first.line(), Messages.get("import.paste.zoneOutOfRange", zone)));
                return new PointReading(false, swapped, zone, null);
            }
        }

        /** x = easting or longitude; null (and a problem) when the point does not read like the first one. */
        Coordinate coordinate(Point p, List<ImportProblem> problems) {
            if ((isDegrees(p) || isLatLon(p)) != degrees) {
                problems.add(new ImportProblem(p.line(), Messages.get("import.paste.mixedKind", p.line())));
                return null;
            }
            if (degrees) {
                return swapped ? new Coordinate(p.second(), p.first()) : new Coordinate(p.first(), p.second());
            }
            double easting = swapped ? p.first() : p.second();
            double northing = swapped ? p.second() : p.first();
            if (zoneOf(easting) != zone) {
                problems.add(new ImportProblem(p.line(), Messages.get("import.paste.mixedZone", p.line(),
                    zoneOf(easting), zone)));
                return null;
            }
            var wrong = CoordinateLimits.problem(easting, northing, crs);
            if (wrong.isPresent()) {
                problems.add(new ImportProblem(p.line(), Messages.get("import.paste.badPoint", p.line(),
                    Messages.get(wrong.get(), CoordinateLimits.text(northing), CoordinateLimits.text(easting), crs.nameZh()))));
                return null;
            }
            return new Coordinate(easting, northing);
        }

        private static boolean isDegrees(Point p) {
            return Math.abs(p.first()) <= 180 && Math.abs(p.second()) <= 90;
        }

        /** Latitude then longitude, told apart by China's extent (longitude 73–136°E, latitude 3–54°N). */
        private static boolean isLatLon(Point p) {
            return chinaLatitude(p.first()) && chinaLongitude(p.second()) && !(chinaLongitude(p.first()) && chinaLatitude(p.second()));
        }

        private static boolean chinaLongitude(double v) {
            return v >= 73 && v <= 136;
        }

        private static boolean chinaLatitude(double v) {
            return v >= 3 && v <= 54;
        }

        private static int digits(double v) {
            return Long.toString((long) Math.abs(v)).length();
        }

        private static int zoneOf(double easting) {
            return easting >= 1e7 ? (int) (easting / 1e6) : 0;
        }
    }
}
