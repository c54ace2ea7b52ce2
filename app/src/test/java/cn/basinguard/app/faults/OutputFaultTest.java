package cn.basinguard.app.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.app.cli.Cli;
import cn.basinguard.core.GisException;
import cn.basinguard.core.i18n.Messages;
import cn.basinguard.core.importer.ImportedSites;
import cn.basinguard.core.importer.SiteImporter;
import cn.basinguard.core.importer.SiteStore;
import cn.basinguard.data.SampleData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults in output, for each kind of output (sheet export, atlas print, saved sites layer): a read-only folder, a
 * full disk (a small tmpfs, really full) and a folder where the output file should be each give one clear line (exit 2
 * for the commands) and leave the earlier file as it was, no half-written file and no temporary file.
 */
class OutputFaultTest {
    static final Path SITES = Path.of("src/test/resources/cn/basinguard/app/scope/far-sites.geojson");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8).strip();
    }

    @AfterEach
    void chinese() {
        Messages.setLocale(Messages.CHINESE);
    }

    private static String sample() {
        return SampleData.zengduSample().toString();
    }

    /** One line on stderr, naming what went wrong. */
    private void saysInOneLine(String... words) {
        String e = err();
        assertEquals(1, e.lines().count(), e);
        for (String w : words) {
            assertTrue(e.contains(w), "\"" + w + "\" in: " + e);
        }
    }

    private static void noTemporaries(Path folder) throws Exception {
        assertEquals(List.of(), Outputs.temporaries(folder), "no temporary file is left");
    }

    @Test
    void exportIntoAReadOnlyFolderLeavesTheEarlierSheets() throws Exception {
        try (ScratchMount m = ScratchMount.tmpfs(dir.resolve("ro"), 16 << 20)) {
            assertEquals(Cli.OK, run("export", sample(), "--out", m.dir.toString(), "--csv"), err());
            Map<String, Path> before = Outputs.finals(m.dir);
            Map<String, String> hashes = new java.util.TreeMap<>();
            for (var e : before.entrySet()) {
                hashes.put(e.getKey(), Outputs.sha256(e.getValue()));
            }
            m.readOnly();
            assertEquals(Cli.BAD_INPUT, run("export", sample(), "--out", m.dir.toString(), "--csv"));
            saysInOneLine("没有权限写入", m.dir.toString());
            for (var e : Outputs.finals(m.dir).entrySet()) {
                assertEquals(hashes.get(e.getKey()), Outputs.sha256(e.getValue()), e.getKey());
            }
            assertEquals(before.keySet(), Outputs.finals(m.dir).keySet());
            noTemporaries(m.dir);
        }
    }

    @Test
    void anOutputFolderThatCannotBeCreatedIsOneClearLine() throws Exception {
        try (ScratchMount m = ScratchMount.tmpfs(dir.resolve("ro-parent"), 1 << 20)) {
            m.readOnly();
            Path inside = m.dir.resolve("sheets/2026");
            assertEquals(Cli.BAD_INPUT, run("export", sample(), "--out", inside.toString()));
            saysInOneLine("无法创建输出文件夹", inside.toString());
            assertFalse(Files.exists(m.dir.resolve("sheets")));
        }
    }

    @Test
    void exportOnAFullDiskStopsWithEveryWrittenSheetComplete() throws Exception {
        // 1.5 MB: a few sheets fit, then the disk is full in the middle of one
        try (ScratchMount m = ScratchMount.tmpfs(dir.resolve("full"), 1536 << 10)) {
            assertEquals(Cli.BAD_INPUT, run("export", sample(), "--out", m.dir.toString(), "--pdf", "--csv"));
            saysInOneLine("磁盘空间不足", "原有文件未被改动");
            Map<String, Path> written = Outputs.finals(m.dir);
            assertFalse(written.isEmpty(), "some sheets were written before the disk was full");
            for (Path p : written.values()) {
                if (p.toString().endsWith(".pdf")) {
                    Outputs.Pdf.of(p);
                } else {
                    assertTrue(Files.readString(p, StandardCharsets.UTF_8).contains("BasinGuard-Trace"), p + " is complete");
                }
            }
            noTemporaries(m.dir);
        }
    }

    @Test
    void exportWhereASheetShouldGoStandsAFolder() throws Exception {
        Path blocker = Files.createDirectories(dir.resolve(Messages.get("sheet.xlsx.file") + ".xlsx"));
        assertEquals(Cli.BAD_INPUT, run("export", sample(), "--out", dir.toString(), "--xlsx"));
        saysInOneLine("是文件夹", blocker.getFileName().toString());
        assertTrue(Files.isDirectory(blocker));
        noTemporaries(dir);
    }

    @Test
    void printIntoAFullDiskThenAReadOnlyFolderKeepsTheEarlierAtlas() throws Exception {
        try (ScratchMount m = ScratchMount.tmpfs(dir.resolve("print"), 16 << 20)) {
            Path atlas = m.dir.resolve("units.pdf");
            assertEquals(Cli.OK, run("print", sample(), "--out", atlas.toString()), err());
            String before = Outputs.sha256(atlas);
            m.fillLeaving(64 << 10);
            assertEquals(Cli.BAD_INPUT, run("print", sample(), "--out", atlas.toString()));
            saysInOneLine("磁盘空间不足", "units.pdf");
            assertEquals(before, Outputs.sha256(atlas), "the earlier atlas is untouched");
            noTemporaries(m.dir);

            Files.delete(m.dir.resolve("filler.bin"));
            m.readOnly();
            assertEquals(Cli.BAD_INPUT, run("print", sample(), "--out", atlas.toString()));
            saysInOneLine("没有权限写入", "units.pdf");
            assertEquals(before, Outputs.sha256(atlas));
            noTemporaries(m.dir);
        }
    }

    @Test
    void printToAFolderIsRefusedBeforeDrawing() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("units.pdf"));
        assertEquals(Cli.BAD_INPUT, run("print", sample(), "--out", folder.toString()));
        saysInOneLine("是文件夹");
        assertEquals("", out.toString(StandardCharsets.UTF_8), "no page was drawn");
        noTemporaries(dir);
    }

    @Test
    void savedSitesOnAFullDiskThenInAReadOnlyFolderLeaveTheWorkingFileAsItWas() throws Exception {
        ImportedSites sites = SiteImporter.read(SITES);
        try (ScratchMount m = ScratchMount.tmpfs(dir.resolve("sites"), 4 << 20)) {
            Path work = m.dir.resolve("work.gpkg");
            SiteStore.save(sites, sites.crs(), work, "earlier");
            String before = Outputs.sha256(work);
            // the copy the new layer is written into does not fit
            m.fillLeaving(32 << 10);
            GisException full = assertThrows(GisException.class, () -> SiteStore.save(sites, sites.crs(), work, "later"));
            assertEquals("io.diskFull", full.key(), full.getMessage());
            assertEquals(before, Outputs.sha256(work));
            Outputs.assertGeoPackage(work, Map.of("earlier", 3));
            noTemporaries(m.dir);

            Files.delete(m.dir.resolve("filler.bin"));
            m.readOnly();
            GisException denied = assertThrows(GisException.class, () -> SiteStore.save(sites, sites.crs(), work, "later"));
            assertEquals("io.denied", denied.key(), denied.getMessage());
            assertEquals(before, Outputs.sha256(work));
            noTemporaries(m.dir);
        }
    }

    @Test
    void savedSitesIntoAFolderAreRefused() throws Exception {
        ImportedSites sites = SiteImporter.read(SITES);
        Path folder = Files.createDirectories(dir.resolve("work.gpkg"));
        GisException e = assertThrows(GisException.class, () -> SiteStore.save(sites, sites.crs(), folder, "sites"));
        assertEquals("io.isFolder", e.key());
        noTemporaries(dir);
    }
}
