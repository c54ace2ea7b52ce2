package cn.basinguard.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.map.DefaultStyles;
import cn.basinguard.core.map.MapContent;
import cn.basinguard.core.map.MapFeature;
import cn.basinguard.core.map.MapLayer;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * An atlas laid out for settings the user has since changed is given up: once cancelled, the map being painted stops
 * and no further page is begun; uncancelled, every page is written.
 */
class PrintAtlasCancelTest {
    static final Crs GK = CrsRegistry.fromEpsg(4547);

    private static MapContent map() {
        GeometryFactory gf = new GeometryFactory();
        List<MapFeature> fs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fs.add(new MapFeature(i + 1, gf.toGeometry(new Envelope(440_000 + i * 200, 440_150 + i * 200, 3_500_000, 3_500_150)), null));
        }
        return new MapContent(GK, List.of(new MapLayer("方块", "squares", null, DefaultStyles.forRole(null), fs)));
    }

    private static List<PrintAtlas.Page> pages(int n) {
        Geometry outline = new GeometryFactory().toGeometry(new Envelope(440_000, 450_000, 3_499_000, 3_501_000));
        List<PrintAtlas.Page> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(PrintAtlas.Page.unit("单元" + i, outline));
        }
        return out;
    }

    @Test
    void cancelledAtlasStopsWithinAPage() throws Exception {
        PrintAtlas.Notes notes = PrintAtlas.Notes.of("%s", GK, List.of("测试"), LocalDate.of(2026, 1, 1), true);
        // the question is asked as pages are begun and while each map is painted: count the asks, cancel after the first page
        AtomicInteger asked = new AtomicInteger();
        int[] askedOnFirstPage = new int[1];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintAtlas.write(map(), pages(1), PrintAtlas.Paper.A4, false, notes, out, () -> {
            asked.incrementAndGet();
            return false;
        });
        askedOnFirstPage[0] = asked.get();
        assertEquals(1, PrintAtlas.pageCount(out.toByteArray()));

        AtomicInteger calls = new AtomicInteger();
        ByteArrayOutputStream cancelled = new ByteArrayOutputStream();
        assertThrows(CancellationException.class, () -> PrintAtlas.write(map(), pages(10), PrintAtlas.Paper.A4, false, notes, cancelled,
                () -> calls.incrementAndGet() > askedOnFirstPage[0]));
        assertEquals(0, cancelled.size(), "nothing written");
        // stopped at the second page's first check or while its map was painted, not ten pages on
        assertTrue(calls.get() <= 2 * askedOnFirstPage[0] + 1, calls.get() + " checks, " + askedOnFirstPage[0] + " a page");

        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        PrintAtlas.write(map(), pages(3), PrintAtlas.Paper.A4, false, notes, whole, () -> false);
        assertEquals(3, PrintAtlas.pageCount(whole.toByteArray()));
    }
}
