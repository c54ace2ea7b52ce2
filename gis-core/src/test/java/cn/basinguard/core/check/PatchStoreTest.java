package cn.basinguard.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatchStoreTest {
    private static OccupiedPatch row(int i) {
        return new OccupiedPatch(LayerRole.values()[i % LayerRole.values().length], "4213032000000" + i, i % 3 == 0 ? null : "T" + i,
                "0101", "水田", i % 5 == 0 ? null : "10", "曾都区何店镇㵐水村民委员会", "府河镇" + (i % 7), i % 4 == 0 ? null : 1234.5 + i,
                new MeasuredArea(0.1 * i + 1e-9, 0.1 * i), new MeasuredArea(1000.0 / (i + 1), 999.9 / (i + 1)));
    }

    @Test
    void rowsComeBackAsTheyWereKeptSiteBySite() {
        PatchStore store = new PatchStore();
        List<List<OccupiedPatch>> sites = new ArrayList<>();
        List<List<OccupiedPatch>> kept = new ArrayList<>();
        for (int site = 0; site < 50; site++) {
            List<OccupiedPatch> rows = new ArrayList<>();
            for (int i = 0; i < site % 9; i++) {
                rows.add(row(site * 100 + i));
            }
            sites.add(rows);
            kept.add(store.keep(rows));
        }
        for (int site = 0; site < sites.size(); site++) {
            List<OccupiedPatch> k = kept.get(site);
            assertEquals(sites.get(site), k, "site " + site);               // iteration: one read
            assertEquals(sites.get(site), k.stream().toList());             // stream
            for (int i = 0; i < k.size(); i++) {
                assertEquals(sites.get(site).get(i), k.get(i));             // random access
            }
            if (!k.isEmpty()) {
                assertInstanceOf(PatchStore.Rows.class, k, "kept in the file");
                assertThrows(UnsupportedOperationException.class, () -> k.add(row(1)));
                assertThrows(IndexOutOfBoundsException.class, () -> k.get(k.size()));
            }
        }
    }

    @Test
    void withoutAFileTheRowsStayInMemory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        PatchStore store = new PatchStore(dir.resolve("no-such-folder"));
        List<OccupiedPatch> rows = List.of(row(1), row(2), row(3));
        List<OccupiedPatch> kept = store.keep(rows);
        assertEquals(rows, kept);
        assertEquals(false, kept instanceof PatchStore.Rows, "kept in memory");
        assertEquals(List.of(row(4)), store.keep(List.of(row(4))), "and so are the next site's");
    }

    @Test
    void theFileLeavesNoNameBehind(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        PatchStore store = new PatchStore(dir);
        List<OccupiedPatch> kept = store.keep(List.of(row(1), row(2)));
        assertInstanceOf(PatchStore.Rows.class, kept);
        if (!System.getProperty("os.name", "").startsWith("Windows")) {
            // DELETE_ON_CLOSE: on Linux the file is unlinked once open, so a killed program leaves nothing behind
            try (var files = java.nio.file.Files.list(dir)) {
                assertEquals(0, files.count());
            }
        }
        assertEquals(List.of(row(1), row(2)), kept, "and still reads back");
    }

    @Test
    void aSiteResultKeepsTheStoredRowsWithoutCopyingThem() {
        List<OccupiedPatch> rows = new PatchStore().keep(List.of(row(1), row(2)));
        SiteFindings f = new SiteFindings(java.util.Map.of(), null, rows);
        assertInstanceOf(PatchStore.Rows.class, f.patches());
        assertEquals(List.of(row(1), row(2)), f.patches());
    }
}
