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
 * It first prints the heap the built map holds (after full collections): the window keeps that map while a file is open.
 * With imagery under the vectors (a GeoTIFF or a GeoPackage of tiles as second argument) it also times a pan at
 * township zoom across the district (new ground, so new image blocks, each frame; after an untimed pan that warms the
 * JIT up) with the vectors alone, the imagery alone and both, then repeated frames (the image's blocks cached): the imagery alone at township zoom, and with the
 * vectors at full extent and township zoom.
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
        System.out.printf("map's heap: %d MB live after a full collection (peak of the heap while building: %d MB)%n", liveHeapMb(), peakHeapMb());
        Envelope full = content.fullExtent();
        Viewport all = Viewport.fit(full, 1600, 1000, 20);
        Viewport township = new Viewport(full.centre().x, full.centre().y, 5000.0 / 1600, 1600, 1000);
        report("full extent", content, all);
        report("township zoom (5 km)", content, township);
        if (args.length > 1) {
            // each imagery phase opens the raster anew: its decoded blocks are cached per opened raster, so the first
            // frame of a phase, and every frame of a pan, reads and decodes blocks as a user's first look does
            pan("township pan, vectors", () -> content, full);
            try (var opened = cn.basinguard.core.source.DataSources.open(args[1], cn.basinguard.core.source.SourceOptions.DEFAULT)) {
                System.out.printf("imagery: %s%n", args[1]);
                pan("township pan, imagery only", () -> new MapContent(content.crs(), imagery(opened, content)), full);
                pan("township pan + imagery", () -> withVectors(imagery(opened, content), content), full);
                // the imagery's own share of a frame, on its own, its blocks cached after the first frame
                report("township, imagery only", new MapContent(content.crs(), imagery(opened, content)), township);
                report("full extent + imagery", withVectors(imagery(opened, content), content), all);
                report("township + imagery", withVectors(imagery(opened, content), content), township);
            }
        }
    }

    /** The imagery layers of an opened source, each with a raster opened for it alone (no decoded block cached yet). */
    private static List<cn.basinguard.core.map.MapLayer> imagery(cn.basinguard.core.source.DataSources.Opened opened, MapContent content) {
        return MapLayers.fromSources(opened.sources(), content.crs()).layers().stream().filter(cn.basinguard.core.map.MapLayer::isImagery).toList();
    }

    private static MapContent withVectors(List<cn.basinguard.core.map.MapLayer> imagery, MapContent content) {
        List<cn.basinguard.core.map.MapLayer> layers = new java.util.ArrayList<>(imagery);
        layers.addAll(content.layers());
        return new MapContent(content.crs(), layers);
    }

    /**
     * A pan at township zoom across the district from west to east through its centre, 30 frames, about a fifth of a
     * frame's width a step: each frame shows ground the previous one did not (with imagery: blocks not read before).
     * The first frame is left out of the figures (it shows a whole frame of new ground). The pan is made twice, each
     * time with the map {@code content} gives (imagery opened anew, nothing cached): the first warms the JIT up (the
     * reading and warping code is compiled during it) and only the second is timed.
     */
    static void pan(String what, java.util.function.Supplier<MapContent> content, Envelope full) {
        pan(content.get(), full, null);
        pan(content.get(), full, what);
    }

    private static void pan(MapContent content, Envelope full, String what) {
        int frames = 31;
        double upp = 5000.0 / 1600;
        double step = (full.getWidth() - 5000) / (frames - 1);
        long[] ms = new long[frames - 1];
        long cpu = 0;
        for (int i = 0; i < frames; i++) {
            Viewport vp = new Viewport(full.getMinX() + 2500 + i * step, full.centre().y + (i % 2 == 0 ? 0 : 100 * upp), upp, 1600, 1000);
            long t = System.nanoTime();
            long c = cpuNanos();
            RasterFrame.paint(content, vp, List.of(), Color.WHITE, () -> false);
            if (i > 0) {
                ms[i - 1] = (System.nanoTime() - t) / 1_000_000;
                cpu += cpuNanos() - c;
            }
        }
        if (what == null) {
            return;
        }
        System.out.println("  frames (ms, in order): " + Arrays.toString(ms));
        Arrays.sort(ms);
        System.out.printf("%-26s 1600×1000 frames: min %d ms, median %d ms, max %d ms, CPU %d ms a frame (%.0f px a step)%n", what, ms[0],
                ms[ms.length / 2], ms[ms.length - 1], cpu / 1_000_000 / ms.length, step / upp);
    }

    /**
     * The heap in use after full collections: what the map holds (the window keeps it for as long as the data is open).
     */
    static long liveHeapMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    /** The most the heap's pools held at once since the start, summed over pools (an upper bound of the peak). */
    static long peakHeapMb() {
        long sum = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }

    /**
     * The process's CPU time (every thread: the bands, the caller, GC, JIT): on a machine shared with other builds a
     * frame's wall time depends on the load, its CPU time much less.
     */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static void report(String what, MapContent content, Viewport vp) {
        // the band threads run code the JIT compiles later than the caller's: warm up well before measuring
        for (int i = 0; i < 40; i++) {
            RasterFrame.paint(content, vp, List.of(), Color.WHITE, () -> false);
        }
        long[] ms = new long[30];
        long c = cpuNanos();
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            RasterFrame.paint(content, vp, List.of(), Color.WHITE, () -> false);
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        long cpu = (cpuNanos() - c) / 1_000_000 / ms.length;
        System.out.println("  frames (ms, in order): " + Arrays.toString(ms));
        Arrays.sort(ms);
        System.out.printf("%-26s 1600×1000 frames: min %d ms, median %d ms, max %d ms, CPU %d ms a frame (1:%.0f)%n", what, ms[0],
                ms[ms.length / 2], ms[ms.length - 1], cpu, vp.scaleDenominator(content.crs(), 96));
    }
}
