package cn.basinguard.core.bench;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.map.MapContent;
import cn.basinguard.core.map.MapLayers;
import cn.basinguard.core.map.RasterFrame;
import cn.basinguard.core.map.Viewport;
import java.awt.Color;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * Frame times of the map renderer on a county's worth of patches: 1600×1000 frames at full extent and at township
 * zoom (a 5 km wide view), warmed up (40 frames), then 30 of each; prints them in order and min / median / max.
 * Run: mvn -q -o -pl gis-core -Pbench verify -Dbench.main=cn.basinguard.core.bench.RenderBenchmark
 *      -Dbench.args=/work/bench-data/zengdu-county.gpkg
 * With imagery under the vectors (a GeoTIFF or a GeoPackage of tiles as second argument) it also times frames with
 * the imagery: the imagery alone at township zoom, repeated frames with vectors (its blocks cached) and a pan across the
 * county in 400 px steps (new blocks each frame).
 */
public final class RenderBenchmark {
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        long t0 = System.nanoTime();
        MapContent content;
        try (GeoPackageSource src = GeoPackageSource.open(file)) {
            Crs crs = MapLayers.preferredCrs(src);
            content = new MapContent(crs, MapLayers.fromSource(src, crs));
        }
        long features = content.layers().stream().mapToLong(l -> l.features().size()).sum();
        System.out.printf("map of %d features in %d layers built in %d ms%n", features, content.layers().size(), (System.nanoTime() - t0) / 1_000_000);
        Envelope full = content.fullExtent();
        Viewport all = Viewport.fit(full, 1600, 1000, 20);
        Viewport township = new Viewport(full.centre().x, full.centre().y, 5000.0 / 1600, 1600, 1000);
        report("full extent", content, all);
        report("township zoom (5 km)", content, township);
        if (args.length > 1) {
            try (var opened = cn.basinguard.core.source.DataSources.open(args[1], cn.basinguard.core.source.SourceOptions.DEFAULT)) {
                List<cn.basinguard.core.map.MapLayer> layers = new java.util.ArrayList<>(MapLayers.fromSources(opened.sources(), content.crs()).layers()
                        .stream().filter(cn.basinguard.core.map.MapLayer::isImagery).toList());
                System.out.printf("imagery: %s, %d layer(s)%n", args[1], layers.size());
                // the imagery's own share of a frame, on its own (the goal is stated for it: township ≤ 100 ms)
                MapContent imageryOnly = new MapContent(content.crs(), List.copyOf(layers));
                report("township, imagery only", imageryOnly, township);
                layers.addAll(content.layers());
                MapContent withImagery = new MapContent(content.crs(), layers);
                report("full extent + imagery", withImagery, all);
                report("township + imagery", withImagery, township);
                pan("township pan + imagery", withImagery, township);
            }
        }
    }

    /** A pan east across the county, 400 px a frame: each frame reads blocks the cache has not seen. */
    static void pan(String what, MapContent content, Viewport start) {
        long[] ms = new long[30];
        Viewport vp = start.pan(0, 0);
        for (int i = 0; i < ms.length; i++) {
            vp = vp.pan(-400, i % 2 == 0 ? 0 : -100);
            long t = System.nanoTime();
            RasterFrame.paint(content, vp, List.of(), Color.WHITE, () -> false);
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        System.out.println("  frames (ms, in order): " + Arrays.toString(ms));
        Arrays.sort(ms);
        System.out.printf("%-22s 1600×1000 frames: min %d ms, median %d ms, max %d ms%n", what, ms[0], ms[ms.length / 2], ms[ms.length - 1]);
    }

    static void report(String what, MapContent content, Viewport vp) {
        // the band threads run code the JIT compiles later than the caller's: warm up well before measuring
        for (int i = 0; i < 40; i++) {
            RasterFrame.paint(content, vp, List.of(), Color.WHITE, () -> false);
        }
        long[] ms = new long[30];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            RasterFrame.paint(content, vp, List.of(), Color.WHITE, () -> false);
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        System.out.println("  frames (ms, in order): " + Arrays.toString(ms));
        Arrays.sort(ms);
        System.out.printf("%-22s 1600×1000 frames: min %d ms, median %d ms, max %d ms (1:%.0f)%n", what, ms[0], ms[ms.length / 2],
                ms[ms.length - 1], vp.scaleDenominator(content.crs(), 96));
    }
}
