package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.app.postgis.TestDatabase;
import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.check.IndicatorResult;
import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.check.Overlap;
import cn.basinguard.core.check.SiteResult;
import cn.basinguard.core.check.UnitResult;
import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.map.MapFeature;
import cn.basinguard.core.source.pg.PgAddress;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * 文件 → 连接空间数据库 and 文件 → 制作离线数据包 against the real test server (skipped without one, failing in CI):
 * the dialog filled and the password typed as a planner would, the schema's layers listed and drawn, the checks run on
 * the database giving the figures of the same data as a GeoPackage, attribute tables read from the database, the
 * database among the recent sources without its password (which is in no setting); packs of a unit and of the map in
 * view made through the dialog with progress and a result message, the window live while they are made, a fault said
 * in a Chinese dialog, and a pack that opens in the window like the sample.
 */
class DatabaseWindowTest extends WindowTest {
    @TempDir
    Path dir;

    @AfterEach
    void closeTheConnection(FxRobot robot) {
        robot.interact(() -> app.stop());
    }

    @Test
    void connectsDrawsTheLayersAndChecksThemToTheFilesFigures(FxRobot robot) throws Exception {
        String schema = TestDatabase.sampleSchema();
        ListView<?> layers = robot.lookup("#layers").queryAs(ListView.class);
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> !layers.getItems().isEmpty());
        // the same data as a GeoPackage (the sample the window opens with), checked in the window first
        Map<String, Object> fromFile = figures(runChecks(robot));

        Platform.runLater(() -> app.chooseDatabase(null));
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#db-password").tryQuery().isPresent());
        robot.interact(() -> {
            ((TextField) robot.lookup("#db-host").query()).setText(TestDatabase.SERVER.host());
            ((TextField) robot.lookup("#db-port").query()).setText(Integer.toString(TestDatabase.SERVER.port()));
            ((TextField) robot.lookup("#db-database").query()).setText(TestDatabase.SERVER.database());
            ((TextField) robot.lookup("#db-user").query()).setText(TestDatabase.SERVER.user());
            ((TextField) robot.lookup("#db-schema").query()).setText(schema);
        });
        robot.clickOn("#db-password").write(TestDatabase.PASSWORD);
        DialogPane pane = (DialogPane) robot.lookup("#db-password").queryAs(Node.class).getScene().getRoot();
        robot.interact(() -> Screenshots.save(pane.getScene(), "database-connect-dialog"));
        press(robot, pane, ButtonType.OK);

        FxWait.waitFor(60, TimeUnit.SECONDS, () -> stage.getTitle().contains(schema));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.getTitle().contains("示意数据"), "the schema's comment says demonstration data: " + stage.getTitle());
        List<String> described = FxWait.read(() -> layers.getItems().stream().map(i -> WorkbenchApp.describe((LayerInfo) i)).toList());
        assertTrue(described.stream().anyMatch(d -> d.contains("流域治理单元（三级流域片区）")), described.toString());
        assertTrue(described.stream().anyMatch(d -> d.contains("生态保护红线（2023年划定）")), described.toString());
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> app.map().contentProperty().get() != null
            && app.map().contentProperty().get().layers().size() >= 7 && app.map().upToDate());
        var redLine = app.map().contentProperty().get().layers().stream().filter(l -> l.table().equals("hx_2023")).findFirst().orElseThrow();
        assertEquals(LayerRole.ECO_REDLINE, redLine.role(), "the red line is known by its comment");
        assertEquals(TestDatabase.count(schema, "hx_2023"), redLine.features().size(), "every red-line patch is drawn");
        robot.interact(() -> Screenshots.save(stage.getScene(), "database"));
        assertEquals(null, app.reportProperty().get(), "the file's results are not shown for the database");

        // the checks run on the database, off the JavaFX thread, to the figures of the file
        CheckReport fromDatabase = runChecks(robot);
        assertTrue(fromDatabase.inputs().stream().anyMatch(i -> i.contains(schema)), fromDatabase.inputs().toString());
        List<String> differences = differences(fromFile, figures(fromDatabase), 1e-9);
        assertTrue(differences.isEmpty(), "the database checks as the file: " + differences);
        assertTrue(fromFile.size() > 100, "figures compared: " + fromFile.size());
        robot.interact(() -> Screenshots.save(stage.getScene(), "database-checked"));

        // an attribute table comes from the database, with its Chinese columns
        LayerInfo units = FxWait.read(() -> layers.getItems().stream().map(LayerInfo.class::cast).filter(l -> l.name().equals("流域治理单元")).findFirst().orElseThrow());
        AttributeTableTab[] tab = new AttributeTableTab[1];
        robot.interact(() -> tab[0] = app.openAttributes(units));
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> tab[0].table().getItems().size() == 2);
        assertTrue(tab[0].table().getColumns().stream().anyMatch(c -> c.getText().equals("单元名称")));

        // the recent sources name the database by its address; the settings hold no password
        String address = TestDatabase.address(schema);
        Menu recent = recentMenu(robot);
        assertTrue(recent.getItems().stream().map(MenuItem::getText).anyMatch(t -> t.contains(address)), recent.getItems().toString());
        assertTrue(recent.getItems().stream().map(MenuItem::getText).noneMatch(t -> t.contains(TestDatabase.PASSWORD)));
        ByteArrayOutputStream prefs = new ByteArrayOutputStream();
        Preferences.userRoot().node(System.getProperty("basinguard.settings")).exportSubtree(prefs);
        String saved = prefs.toString(StandardCharsets.UTF_8);
        assertTrue(saved.contains(schema), saved);
        assertFalse(saved.contains(TestDatabase.PASSWORD), saved);

        // a recent database opens the dialog filled in, the password asked again
        MenuItem again = recent.getItems().stream().filter(i -> i.getText().contains(address)).findFirst().orElseThrow();
        Platform.runLater(again::fire);
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#db-password").tryQuery().isPresent());
        assertEquals(schema, ((TextField) robot.lookup("#db-schema").query()).getText());
        assertEquals("", ((TextField) robot.lookup("#db-password").query()).getText(), "the password is asked each time");
        DialogPane second = (DialogPane) robot.lookup("#db-password").queryAs(Node.class).getScene().getRoot();
        press(robot, second, ButtonType.CANCEL);
    }

    @Test
    void packsAUnitThroughTheDialogWithProgressAndThePackOpensOffline(FxRobot robot) throws Exception {
        String schema = connect(robot);
        ProgressBar bar = robot.lookup("#progress").queryAs(ProgressBar.class);
        Labeled status = robot.lookup("#status").queryAs(Labeled.class);
        AtomicBoolean barShown = new AtomicBoolean();
        Set<String> said = ConcurrentHashMap.newKeySet();
        robot.interact(() -> {
            bar.visibleProperty().addListener((o, a, b) -> barShown.compareAndSet(false, b));
            status.textProperty().addListener((o, a, b) -> said.add(String.valueOf(b)));
        });

        Path pack = dir.resolve("涢水片区.gpkg");
        long started = System.nanoTime();
        DialogPane done;
        try (FxStalls stalls = new FxStalls()) {
            packThroughTheDialog(robot, "流域治理单元：涢水片区", pack);
            done = waitForDialog(robot, "离线数据包已制作并校验", 180);
            long took = System.nanoTime() - started;
            // the pack was made off the JavaFX thread: the window answered all along
            assertTrue(stalls.longest() < took / 3, "the JavaFX thread stalled " + stalls.longest() / 1_000_000 + " ms of the pack's "
                + took / 1_000_000 + " ms");
        }
        assertTrue(barShown.get(), "a progress bar while the pack is made");
        assertTrue(said.stream().anyMatch(s -> s.contains("读取并写入")) && said.stream().anyMatch(s -> s.contains("校验")), said.toString());
        String summary = done.getContentText();
        assertTrue(summary.contains("已校验") && summary.contains("hx_2023（生态保护红线）") && summary.contains("流域治理单元“涢水片区”"), summary);
        robot.interact(() -> Screenshots.save(done.getScene(), "offline-pack-done"));
        press(robot, done, ButtonType.OK);
        assertTrue(status.getText().contains(pack.toString()), status.getText());

        try (GeoPackageSource p = GeoPackageSource.open(pack)) {
            assertFalse(new String(Files.readAllBytes(pack), StandardCharsets.ISO_8859_1).contains(TestDatabase.PASSWORD));
            assertEquals("eco_redline", p.recordedRoles().get("hx_2023"));
            assertTrue(p.saysDemonstration());
        }
        // the pack opens in the window offline, like the sample
        robot.interact(() -> app.open(pack));
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> stage.getTitle().contains("涢水片区.gpkg"));
        WaitForAsyncUtils.waitForFxEvents();
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> app.map().contentProperty().get() != null
            && app.map().contentProperty().get().layers().stream().anyMatch(l -> l.table().equals("hx_2023")
                && l.role() == LayerRole.ECO_REDLINE));
        assertTrue(stage.getTitle().contains("示意数据") && !stage.getTitle().contains(schema), stage.getTitle());
        ListView<?> layers = robot.lookup("#layers").queryAs(ListView.class);
        List<String> names = FxWait.read(() -> layers.getItems().stream().map(i -> ((LayerInfo) i).name()).toList());
        assertTrue(names.containsAll(List.of("流域治理单元", "dltb", "yjjbnttb", "hx_2023", "xmxz")), names.toString());
        robot.interact(() -> Screenshots.save(stage.getScene(), "offline-pack-opened"));
    }

    @Test
    void packsTheMapInViewAndSaysAFaultInAChineseDialog(FxRobot robot) throws Exception {
        String schema = connect(robot);
        // the map zoomed in on part of 涢水片区, as a planner frames a township
        var content = app.map().contentProperty().get();
        MapFeature unit = content.layers().stream().filter(l -> l.role() == LayerRole.UNITS).flatMap(l -> l.features().stream())
            .filter(f -> "涢水片区".equals(f.label())).findFirst().orElseThrow();
        Envelope e = unit.geometry().getEnvelopeInternal();
        Envelope frame = new Envelope(e.getMinX() + e.getWidth() * 0.3, e.getMinX() + e.getWidth() * 0.6,
            e.getMinY() + e.getHeight() * 0.3, e.getMinY() + e.getHeight() * 0.6);
        robot.interact(() -> app.map().zoomTo(frame));
        // (the unit is tall, the map wide: the view is lower than the unit, not narrower)
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> app.map().viewportProperty().get().envelope().getHeight() < e.getHeight() / 2
            && app.map().viewportProperty().get().envelope().contains(frame));
        WaitForAsyncUtils.waitForFxEvents();
        Envelope view = app.map().viewportProperty().get().envelope();

        // a folder that is not there: a Chinese dialog, nothing written
        Path nowhere = dir.resolve("没有的文件夹").resolve("pack.gpkg");
        packThroughTheDialog(robot, "当前地图范围", nowhere);
        DialogPane fault = waitForDialog(robot, "无法制作离线数据包", 60);
        assertTrue(fault.getContentText().contains("不存在") && fault.getContentText().contains("没有的文件夹"), fault.getContentText());
        robot.interact(() -> Screenshots.save(fault.getScene(), "offline-pack-fault"));
        press(robot, fault, ButtonType.OK);
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "nothing is written");
        }

        Path pack = dir.resolve("view.gpkg");
        packThroughTheDialog(robot, "当前地图范围", pack);
        DialogPane done = waitForDialog(robot, "离线数据包已制作并校验", 180);
        String box = String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%.3f", view.getMinX(), view.getMinY(), view.getMaxX(), view.getMaxY());
        int epsg = content.crs().epsg();
        assertTrue(done.getContentText().contains(box) && done.getContentText().contains("EPSG:" + epsg), done.getContentText());
        press(robot, done, ButtonType.OK);
        // every layer holds what meets the view on the server, whole: as many as the server counts
        String envelope = "ST_MakeEnvelope(" + view.getMinX() + "," + view.getMinY() + "," + view.getMaxX() + "," + view.getMaxY() + "," + epsg + ")";
        try (GeoPackageSource p = GeoPackageSource.open(pack); Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            for (String t : List.of("流域治理单元", "dltb", "yjjbnttb", "hx_2023", "sksm", "xmxz")) {
                String area = "ST_Transform(" + envelope + ", ST_SRID((SELECT geom FROM " + schema + ".\"" + t + "\" LIMIT 1)))";
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + schema + ".\"" + t + "\" WHERE geom && " + area
                    + " AND ST_Intersects(geom, " + area + ")")) {
                    rs.next();
                    assertEquals(rs.getLong(1), p.layer(t).featureCount(), t);
                }
            }
            long all = TestDatabase.count(schema, "dltb");
            assertTrue(p.layer("dltb").featureCount() < all && p.layer("dltb").featureCount() > 0, "a part of the district");
        }

        // closer in, at township zoom: the frame reads from the server the rows meeting its area, not the tables
        var db = (cn.basinguard.core.source.pg.PostGisSource) app.data().database();
        Envelope land = content.layers().get(content.indexOf("dltb")).extent();
        double side = Math.min(land.getWidth(), land.getHeight()) / 30;
        Envelope township = new Envelope(land.centre().x - side, land.centre().x + side, land.centre().y - side, land.centre().y + side);
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> app.map().upToDate());
        long before = db.rowsFetched();
        robot.interact(() -> app.map().zoomTo(township));
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> app.map().viewportProperty().get().envelope().contains(township)
            && cn.basinguard.core.map.AreaFrames.township(app.map().viewportProperty().get().envelope(), land));
        WaitForAsyncUtils.waitForFxEvents();
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> app.map().upToDate());
        Envelope near = app.map().viewportProperty().get().envelope();
        long fetched = db.rowsFetched() - before;
        long expected = 0;
        long whole = 0;
        Envelope read = cn.basinguard.core.map.AreaFrames.areaFor(near);
        for (var m : content.layers()) {
            if (cn.basinguard.core.map.AreaFrames.township(near, m.extent())) {
                var own = db.layer(m.table()).srs().crs();
                Envelope b = cn.basinguard.core.map.MapLayers.boxIn(read, content.crs(), own);
                expected += cn.basinguard.app.postgis.PostGisSourceTest.count(String.format(Locale.ROOT,
                    "SELECT count(*) FROM %s.\"%s\" WHERE geom && ST_MakeEnvelope(%.9f, %.9f, %.9f, %.9f, %d)",
                    schema, m.table(), b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY(), own.epsg()));
                whole += m.features().size();
            }
        }
        // (a frame overtaken by the next one may have fetched part of the same rows before it stopped)
        assertTrue(expected > 0 && fetched >= expected && fetched <= 2 * expected && fetched < whole,
            fetched + " rows fetched for a frame whose area holds " + expected + " of " + whole);
        robot.interact(() -> Screenshots.save(stage.getScene(), "database-township"));
    }

    @Test
    void aWrongPortIsSaidInTheDialogAndAWrongPasswordInAnErrorDialog(FxRobot robot) throws Exception {
        TestDatabase.require();
        ListView<?> layers = robot.lookup("#layers").queryAs(ListView.class);
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> !layers.getItems().isEmpty());
        Platform.runLater(() -> app.chooseDatabase(PgAddress.parse(TestDatabase.address(TestDatabase.sampleSchema()))));
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#db-password").tryQuery().isPresent());
        robot.interact(() -> ((TextField) robot.lookup("#db-port").query()).setText("54x2"));
        DialogPane pane = (DialogPane) robot.lookup("#db-password").queryAs(Node.class).getScene().getRoot();
        press(robot, pane, ButtonType.OK);
        WaitForAsyncUtils.waitForFxEvents();
        String said = robot.lookup("#db-problem").queryLabeled().getText();
        assertTrue(said.contains("54x2") && said.contains("5432"), "said: " + said);
        robot.interact(() -> ((TextField) robot.lookup("#db-port").query()).setText(Integer.toString(TestDatabase.SERVER.port())));
        robot.clickOn("#db-password").write("not-the-password");
        press(robot, pane, ButtonType.OK);
        DialogPane error = waitForDialog(robot, "无法连接空间数据库", 30);
        assertTrue(error.getContentText().contains("密码不对"), error.getContentText());
        assertFalse(error.getContentText().contains("not-the-password"));
        assertFalse(stage.getTitle().contains(TestDatabase.sampleSchema()), "nothing was opened");
    }

    /** Connects through the window as 文件 → 连接空间数据库 does once the dialog is answered; waits for the map. */
    private String connect(FxRobot robot) throws Exception {
        String schema = TestDatabase.sampleSchema();
        ListView<?> layers = robot.lookup("#layers").queryAs(ListView.class);
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> !layers.getItems().isEmpty());
        robot.interact(() -> app.openDatabase(PgAddress.parse(TestDatabase.address(schema)), TestDatabase.PASSWORD));
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> stage.getTitle().contains(schema));
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> app.map().contentProperty().get() != null
            && app.map().contentProperty().get().layers().size() >= 7 && app.map().viewportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return schema;
    }

    /** 文件 → 制作离线数据包: picks the area whose text starts with {@code area}, types the file and presses OK. */
    private void packThroughTheDialog(FxRobot robot, String area, Path out) throws Exception {
        Platform.runLater(() -> app.choosePack());
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#pack-out").tryQuery().isPresent());
        ComboBox<?> areas = robot.lookup("#pack-area").queryAs(ComboBox.class);
        robot.interact(() -> {
            int i = 0;
            while (!areas.getItems().get(i).toString().startsWith(area)) {
                i++;
            }
            areas.getSelectionModel().select(i);
            ((TextField) robot.lookup("#pack-out").query()).setText(out.toString());
        });
        DialogPane pane = (DialogPane) robot.lookup("#pack-out").queryAs(Node.class).getScene().getRoot();
        robot.interact(() -> Screenshots.save(pane.getScene(), "offline-pack-dialog"));
        press(robot, pane, ButtonType.OK);
    }

    /** Clicks a dialog's button once it is laid out (a dialog just shown may not have placed its buttons yet). */
    private static void press(FxRobot robot, DialogPane pane, ButtonType button) throws Exception {
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> pane.lookupButton(button) != null && pane.lookupButton(button).getScene() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(pane.lookupButton(button));
    }

    private static DialogPane waitForDialog(FxRobot robot, String header, int seconds) throws Exception {
        DialogPane[] found = new DialogPane[1];
        FxWait.waitFor(seconds, TimeUnit.SECONDS, () -> {
            for (Window w : robot.listWindows()) {
                if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane p && header.equals(p.getHeaderText())) {
                    found[0] = p;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private CheckReport runChecks(FxRobot robot) throws Exception {
        robot.interact(() -> app.reportProperty().set(null));
        robot.interact(() -> app.runChecks());
        FxWait.waitFor(120, TimeUnit.SECONDS, () -> app.reportProperty().get() != null);
        TableView<?> indicators = robot.lookup("#result-indicators").queryAs(TableView.class);
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> !indicators.getItems().isEmpty());
        return app.reportProperty().get();
    }

    private static Menu recentMenu(FxRobot robot) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return (Menu) bar.getMenus().get(0).getItems().stream().filter(i -> i instanceof Menu).findFirst().orElseThrow();
    }

    /** Every figure and verdict of a check, by unit, indicator, site and role: what two sources of one data share. */
    private static Map<String, Object> figures(CheckReport r) {
        Map<String, Object> out = new TreeMap<>();
        for (UnitResult u : r.units()) {
            out.put(u.name() + "/area", u.area().m2());
            u.roleAreas().forEach((role, a) -> out.put(u.name() + "/" + role + "/area", a.m2()));
            u.reservoirs().forEach((k, v) -> out.put(u.name() + "/reservoirs/" + k, (double) v));
            for (IndicatorResult i : u.indicators()) {
                out.put(u.name() + "/" + i.indicator() + "/measured", i.measured());
                out.put(u.name() + "/" + i.indicator() + "/difference", i.difference());
                out.put(u.name() + "/" + i.indicator() + "/status", i.status().name());
            }
        }
        for (SiteResult s : r.sites()) {
            out.put(s.name() + "/area", s.area().m2());
            out.put(s.name() + "/verdict", s.verdict().level().name());
            for (Overlap o : s.overlaps().values()) {
                out.put(s.name() + "/" + o.role() + "/overlap", o.area().m2());
                out.put(s.name() + "/" + o.role() + "/patches", String.join(",", o.patchIds()));
            }
        }
        out.put("conflicts", (double) r.conflicts().size());
        out.put("conflictTotal", r.conflictTotal().m2());
        return out;
    }

    private static List<String> differences(Map<String, Object> a, Map<String, Object> b, double relative) {
        List<String> out = new ArrayList<>();
        for (String k : a.keySet()) {
            Object x = a.get(k);
            Object y = b.get(k);
            boolean same = x instanceof Double dx && y instanceof Double dy
                ? dx.equals(dy) || Math.abs(dx - dy) <= relative * Math.max(Math.abs(dx), Math.abs(dy)) : Objects.equals(x, y);
            if (!same || !b.containsKey(k)) {
                out.add(k + ": " + x + " / " + y);
            }
        }
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(k -> out.add(k + ": — / " + b.get(k)));
        return out;
    }

    /** The longest the JavaFX thread took to run a small task posted to it every 20 ms, while open. */
    private static final class FxStalls implements AutoCloseable {
        private final AtomicLong longest = new AtomicLong();
        private final Thread pinger;
        private volatile boolean running = true;

        FxStalls() {
            pinger = new Thread(() -> {
                while (running) {
                    long posted = System.nanoTime();
                    java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
                    Platform.runLater(() -> {
                        longest.accumulateAndGet(System.nanoTime() - posted, Math::max);
                        ran.countDown();
                    });
                    try {
                        while (!ran.await(20, TimeUnit.MILLISECONDS)) {
                            longest.accumulateAndGet(System.nanoTime() - posted, Math::max);
                            if (!running) {
                                return;
                            }
                        }
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "fx-stalls");
            pinger.setDaemon(true);
            pinger.start();
        }

        long longest() {
            return longest.get();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            pinger.join(2000);
        }
    }
}
