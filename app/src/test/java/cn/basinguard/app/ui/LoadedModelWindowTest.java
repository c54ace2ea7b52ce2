package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.data.SampleData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window reads a file once: its map, its attribute tables and its checks share one loaded model. Shown by changing
 * the file on disk behind the window's back after it is opened: the window's checks still give the figures of what it
 * loaded (the command line's figures on the file as it was), its attribute table still shows the values it loaded, and
 * only opening the file again gives the new figures. A check that read the file a second time would count the change.
 */
class LoadedModelWindowTest extends WindowTest {
    @TempDir
    Path dir;

    @Test
    void theChecksAndTheTableReadWhatTheWindowLoadedNotTheFileAgain(FxRobot robot) throws Exception {
        Path copy = dir.resolve("county-copy.gpkg");
        Files.copy(SampleData.zengduSample(), copy);
        String cliBefore = WindowChecks.cliJson(dir, "check", copy.toString());
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> FxWait.read(() -> app.map().contentProperty().get() != null));
        robot.interact(() -> app.open(copy));
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> FxWait.read(() -> stage.getTitle().contains("county-copy.gpkg")
                && app.map().contentProperty().get() != null && app.layers().list().getItems().stream().anyMatch(l -> l.name().equals("DLTB"))));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(cliBefore, WindowChecks.json(WindowChecks.check(robot, app)), "the window's check gives the command line's figures");

        // another program turns every paddy field (0101) of the file into dry land (0103); the geometries stay as they
        // are (the R-tree's triggers, which call functions only a GIS's SQLite has, are set aside: they have nothing to do)
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
            List<String> triggers = new java.util.ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'DLTB'")) {
                while (rs.next()) {
                    triggers.add(rs.getString(1));
                }
            }
            for (String t : triggers) {
                c.createStatement().execute("DROP TRIGGER \"" + t + "\"");
            }
            int changed = c.createStatement().executeUpdate("UPDATE DLTB SET DLBM = '0103', DLMC = '旱地' WHERE DLBM = '0101'");
            assertTrue(changed > 100, changed + " paddy fields");
        }
        String cliAfter = WindowChecks.cliJson(dir, "check", copy.toString());
        assertNotEquals(cliBefore, cliAfter, "the change shows in the figures of the file");

        assertEquals(cliBefore, WindowChecks.json(WindowChecks.check(robot, app)), "the window's checks read what it loaded, not the file again");
        var dltb = FxWait.read(() -> app.layers().list().getItems().stream().filter(l -> l.name().equals("DLTB")).findFirst().orElseThrow());
        AttributeTableTab[] tab = new AttributeTableTab[1];
        robot.interact(() -> tab[0] = app.openAttributes(dltb));
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> FxWait.read(() -> !tab[0].table().getItems().isEmpty()));
        long paddy = FxWait.read(() -> tab[0].table().getItems().stream().filter(r -> "0101".equals(r.value("DLBM"))).count());
        assertTrue(paddy > 100, "the table shows the values the window loaded: " + paddy + " paddy fields");

        // opened again, the file is read again: the new figures
        robot.interact(() -> app.open(copy));
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> FxWait.read(() -> app.map().contentProperty().get() != null
                && app.results().getTabs().stream().noneMatch(t -> t instanceof AttributeTableTab)));
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> FxWait.read(() -> !app.layers().list().getItems().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(cliAfter, WindowChecks.json(WindowChecks.check(robot, app)), "opened again, the window reads the file as it is now");
    }
}
