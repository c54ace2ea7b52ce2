package cn.basinguard.core.loaded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** The packed box index finds exactly the boxes a scan finds, in layer order, whatever the layer's size and shape. */
class BoxIndexTest {
    @Test
    void findsWhatAScanFinds() {
        Random rnd = new Random(11);
        for (int n : new int[] {0, 1, 2, 15, 16, 17, 255, 256, 257, 4097, 30_000}) {
            double[] b = new double[4 * n];
            for (int i = 0; i < n; i++) {
                if (i % 97 == 5) {
                    b[4 * i] = Double.POSITIVE_INFINITY; // an empty feature's box
                    b[4 * i + 1] = Double.POSITIVE_INFINITY;
                    b[4 * i + 2] = Double.NEGATIVE_INFINITY;
                    b[4 * i + 3] = Double.NEGATIVE_INFINITY;
                    continue;
                }
                // clustered like patches, with a few long thin ones (roads, rivers) and points
                double x = 38_500_000 + (i % 7 == 0 ? rnd.nextDouble() * 60_000 : 20_000 + rnd.nextGaussian() * 3_000);
                double y = 3_500_000 + rnd.nextDouble() * 50_000;
                double w = i % 50 == 0 ? 20_000 : i % 3 == 0 ? 0 : rnd.nextDouble() * 300;
                double h = i % 50 == 1 ? 20_000 : i % 3 == 0 ? 0 : rnd.nextDouble() * 300;
                b[4 * i] = x;
                b[4 * i + 1] = y;
                b[4 * i + 2] = x + w;
                b[4 * i + 3] = y + h;
            }
            BoxIndex index = new BoxIndex(b, n);
            for (int q = 0; q < 200; q++) {
                double x = 38_495_000 + rnd.nextDouble() * 70_000;
                double y = 3_495_000 + rnd.nextDouble() * 60_000;
                double s = q % 10 == 0 ? 100_000 : rnd.nextDouble() * 3_000;
                Envelope e = new Envelope(x, x + s * rnd.nextDouble(), y, y + s * rnd.nextDouble());
                assertArrayEquals(scan(b, n, e), index.query(e), n + " boxes, query " + e);
            }
            // a box touching an item's edge meets it
            if (n > 2 && b[0] <= b[2]) {
                Envelope edge = new Envelope(b[2], b[2] + 1, b[1], b[1]);
                assertArrayEquals(scan(b, n, edge), index.query(edge));
            }
        }
    }

    private static int[] scan(double[] b, int n, Envelope e) {
        return java.util.stream.IntStream.range(0, n).filter(i -> b[4 * i] <= e.getMaxX() && b[4 * i + 2] >= e.getMinX()
                && b[4 * i + 1] <= e.getMaxY() && b[4 * i + 3] >= e.getMinY()).toArray();
    }

    @Test
    void aNullEnvelopeMeetsNothing() {
        assertArrayEquals(new int[0], new BoxIndex(new double[] {0, 0, 1, 1}, 1).query(new Envelope()));
        assertArrayEquals(new int[] {0}, new BoxIndex(new double[] {0, 0, 1, 1}, 1).query(new Envelope(0.5, 0.5, 0.5, 0.5)));
    }
}
