package cn.basinguard.core.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;

/**
 * Makes a polygon ring from the points a file gives: at least 3 distinct points, closed by repeating the first when
 * the file forgot to (GDAL reads such rings too; the reader tells the user it closed it).
 */
final class Rings {
    private Rings() {
    }

    /** The points as given, or with the first repeated at the end; the message key says what made it impossible. */
    record Ring(Coordinate[] points, boolean closedByReader) {
    }

    /** @throws SiteProblem {@code import.ring.tooFew} when fewer than 3 distinct points remain */
    static Ring close(List<Coordinate> points) throws SiteProblem {
        Set<Coordinate> distinct = new HashSet<>();
        for (Coordinate c : points) {
            distinct.add(new Coordinate(c.x, c.y));
            if (distinct.size() >= 3) {
                break;
            }
        }
        if (distinct.size() < 3) {
            throw new SiteProblem("import.ring.tooFew", distinct.size());
        }
        List<Coordinate> out = new ArrayList<>(points);
        boolean open = !out.get(0).equals2D(out.get(out.size() - 1));
        if (open) {
            out.add(new Coordinate(out.get(0)));
        }
        return new Ring(out.toArray(Coordinate[]::new), open);
    }
}
