package cn.basinguard.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @Test
    void aDoubleClickedGeoPackageOpensTheWindowAndCommandsStayHeadless(@TempDir Path dir) throws Exception {
        Path gpkg = Files.createFile(dir.resolve("区县.GPKG"));
        assertTrue(Main.opensInWindow(new String[] {gpkg.toString()}));
        assertFalse(Main.opensInWindow(new String[] {dir.resolve("missing.gpkg").toString()}), "a missing file is a command error");
        assertFalse(Main.opensInWindow(new String[] {"check", gpkg.toString()}));
        assertFalse(Main.opensInWindow(new String[] {"--version"}));
        assertFalse(Main.opensInWindow(new String[] {"info"}));
    }
}
