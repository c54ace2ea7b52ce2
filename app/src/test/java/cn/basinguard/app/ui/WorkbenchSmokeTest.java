package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.check.IndicatorResult;
import cn.basinguard.core.gpkg.LayerInfo;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

class WorkbenchSmokeTest extends WindowTest {
    @Test
    void opensTheZengduSampleAndSaysItIsDemonstrationData(FxRobot robot) throws Exception {
        ListView<?> layers = robot.lookup("#layers").queryAs(ListView.class);
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> !layers.getItems().isEmpty());
        assertTrue(stage.getTitle().contains("示意数据"), stage.getTitle());
        assertTrue(layers.getItems().stream().anyMatch(i -> WorkbenchApp.describe((LayerInfo) i).contains("永久基本农田")));
        assertTrue(layers.getItems().stream().anyMatch(i -> WorkbenchApp.describe((LayerInfo) i).contains("流域治理单元")));
    }

    @Test
    void anAttributeTableFillsAndItsRowsGoToTheMap(FxRobot robot) throws Exception {
        ListView<?> layers = robot.lookup("#layers").queryAs(ListView.class);
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> !layers.getItems().isEmpty());
        LayerInfo sites = layers.getItems().stream().map(LayerInfo.class::cast).filter(l -> l.name().equals("XMXZ")).findFirst().orElseThrow();
        AttributeTableTab[] tab = new AttributeTableTab[1];
        robot.interact(() -> tab[0] = app.openAttributes(sites));
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> tab[0].table().getItems().size() == 17);
        assertTrue(tab[0].table().getColumns().stream().anyMatch(c -> c.getText().equals("XMMC")));
        robot.interact(() -> tab[0].table().getSelectionModel().select(3));
        assertNotNull(app.selectionProperty().get());
    }

    /** Sorting a table by a header reorders its rows off the JavaFX thread, as a planner expects, keeping the selection. */
    @Test
    void anAttributeTableSortsByItsHeadersAndKeepsTheSelection(FxRobot robot) throws Exception {
        ListView<?> layers = robot.lookup("#layers").queryAs(ListView.class);
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> !layers.getItems().isEmpty());
        LayerInfo dltb = layers.getItems().stream().map(LayerInfo.class::cast).filter(l -> l.name().equals("DLTB")).findFirst().orElseThrow();
        AttributeTableTab[] tab = new AttributeTableTab[1];
        robot.interact(() -> tab[0] = app.openAttributes(dltb));
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> tab[0].table().getItems().size() == dltb.featureCount());
        TableView<AttributeRow> table = tab[0].table();
        String title = tab[0].getText();
        robot.interact(() -> table.getSelectionModel().clearAndSelect(7));
        AttributeRow picked = table.getSelectionModel().getSelectedItem();
        var area = table.getColumns().stream().filter(c -> c.getText().equals("TBMJ")).findFirst().orElseThrow();
        for (var type : javafx.scene.control.TableColumn.SortType.values()) {
            robot.interact(() -> {
                area.setSortType(type);
                table.getSortOrder().setAll(java.util.List.of(area));
            });
            boolean up = type == javafx.scene.control.TableColumn.SortType.ASCENDING;
            FxWait.waitFor(30, TimeUnit.SECONDS, () -> sortedBy(table, "TBMJ", up) && title.equals(tab[0].getText()));
            assertEquals(java.util.List.of(area), table.getSortOrder(), "the header shows the sort");
            assertEquals(picked, table.getSelectionModel().getSelectedItem(), "the picked row stays picked");
        }
        // filtered to one land class by its column filter, then sorted: the rows move as a permutation
        // by the header's menu and its dialog: none ticked, then the first row's class
        robot.interact(() -> tab[0].askFilter("DLBM"));
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#filter-values").tryQuery().isPresent());
        javafx.scene.control.ListView<?> values = robot.lookup("#filter-values").queryAs(javafx.scene.control.ListView.class);
        assertTrue(values.getItems().size() > 10 && values.getItems().get(0).toString().startsWith("01"), values.getItems().toString());
        robot.interact(() -> ((javafx.scene.control.Button) robot.lookup("#filter-none").query()).fire());
        robot.interact(() -> {
            var cell = robot.lookup("#filter-values .check-box").queryAll().stream().findFirst().orElseThrow();
            ((javafx.scene.control.CheckBox) cell).fire(); // the first value: 0101
        });
        javafx.scene.control.DialogPane pane = robot.lookup("#column-filter").queryAs(javafx.scene.control.DialogPane.class);
        robot.interact(() -> Screenshots.save(pane.getScene(), "column-filter"));
        robot.interact(() -> ((javafx.scene.control.Button) pane.lookupButton(javafx.scene.control.ButtonType.OK)).fire());
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() < dltb.featureCount() && !table.getItems().isEmpty());
        String kept = String.valueOf(table.getItems().get(0).value("DLBM"));
        assertEquals(String.valueOf(values.getItems().get(0)).split(" ")[0], kept);
        assertTrue(tab[0].getText().contains("筛选后"), tab[0].getText());
        robot.interact(() -> {
            area.setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(java.util.List.of(area));
        });
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> sortedBy(table, "TBMJ", true) && tab[0].getText().contains("筛选后"));
        assertTrue(table.getColumns().stream().anyMatch(c -> c.getText().equals("DLBM ▾")), "the filtered column says so");
        assertTrue(table.getItems().stream().allMatch(r -> kept.equals(String.valueOf(r.value("DLBM")))), "still only " + kept);
        robot.interact(() -> tab[0].clearFilters());
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == dltb.featureCount() && title.equals(tab[0].getText()));
        robot.interact(() -> table.getSortOrder().clear());
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> {
            for (int i = 1; i < table.getItems().size(); i++) {
                if (table.getItems().get(i - 1).fid() > table.getItems().get(i).fid()) {
                    return false;
                }
            }
            return true;
        });
    }

    private static boolean sortedBy(TableView<AttributeRow> table, String field, boolean ascending) {
        double last = ascending ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (AttributeRow r : table.getItems()) {
            Object v = r.value(field);
            if (v == null) {
                continue;
            }
            double d = ((Number) v).doubleValue();
            if (ascending ? d < last : d > last) {
                return false;
            }
            last = d;
        }
        return true;
    }

    /**
     * An error nobody caught on the JavaFX thread (memory run out while a county's table is laid out, a defect) is said
     * in a dialog in the user's language, one at a time however often it repeats.
     */
    @Test
    void anErrorNobodyCaughtIsSaidInADialog(FxRobot robot) throws Exception {
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> app.map().contentProperty().get() != null);
        for (int i = 0; i < 3; i++) {
            javafx.application.Platform.runLater(() -> {
                throw new OutOfMemoryError("Java heap space");
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> errorDialogs(robot).size() == 1);
        javafx.scene.control.DialogPane pane = errorDialogs(robot).get(0);
        assertEquals("操作未能完成", pane.getHeaderText());
        assertTrue(pane.getContentText().startsWith("窗口的内存（"), pane.getContentText());
        robot.interact(() -> ((javafx.scene.control.Button) pane.lookupButton(javafx.scene.control.ButtonType.OK)).fire());
        javafx.application.Platform.runLater(() -> {
            throw new IllegalStateException("probe");
        });
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> errorDialogs(robot).size() == 1);
        assertTrue(errorDialogs(robot).get(0).getContentText().contains("程序内部错误"), errorDialogs(robot).get(0).getContentText());
        robot.interact(() -> ((javafx.scene.control.Button) errorDialogs(robot).get(0).lookupButton(javafx.scene.control.ButtonType.OK)).fire());
    }

    private static java.util.List<javafx.scene.control.DialogPane> errorDialogs(FxRobot robot) {
        return robot.listWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane p && "操作未能完成".equals(p.getHeaderText()))
                .map(w -> (javafx.scene.control.DialogPane) w.getScene().getRoot()).toList();
    }

    @Test
    void theMapShowsTheDistrictZoomsAndHidesALayer(FxRobot robot) throws Exception {
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> app.map().contentProperty().get() != null
                && app.map().viewportProperty().get() != null);
        var full = app.map().viewportProperty().get();
        assertTrue(full.envelope().contains(app.map().contentProperty().get().fullExtent()), "the whole district is in view");
        // the district as drawn, not the window before its first frame
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> {
            boolean[] drawn = new boolean[1];
            robot.interact(() -> drawn[0] = app.map().upToDate());
            return drawn[0];
        });
        robot.interact(() -> Screenshots.save(stage.getScene(), "full-district"));
        robot.interact(() -> app.map().requestFocus());
        robot.type(javafx.scene.input.KeyCode.EQUALS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.map().viewportProperty().get().unitsPerPixel() < full.unitsPerPixel() * 0.6, "zoomed in");
        var zoomed = app.map().viewportProperty().get();
        robot.moveTo("#map").scroll(2, javafx.geometry.VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.map().viewportProperty().get().unitsPerPixel() != zoomed.unitsPerPixel(), "the wheel zooms");
        var content = app.map().contentProperty().get();
        int farmland = -1;
        for (int i = 0; i < content.layers().size(); i++) {
            if (content.layers().get(i).table().equals("YJJBNTTB")) {
                farmland = i;
            }
        }
        assertTrue(content.layers().get(farmland).visible());
        robot.clickOn("#visible-YJJBNTTB");
        int f = farmland;
        FxWait.waitFor(5, TimeUnit.SECONDS, () -> !app.map().contentProperty().get().layers().get(f).visible());
    }

    @Test
    void anotherGeoPackageOpensWithItsOwnCrs(FxRobot robot) throws Exception {
        java.nio.file.Path other = java.nio.file.Path.of(System.getProperty("basinguard.corpus", "../../shared/corpus"))
                .resolve("gpkg/ogc-ets-gpkg12/states10.gpkg");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(other), "shared corpus absent");
        ListView<?> layers = robot.lookup("#layers").queryAs(ListView.class);
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> !layers.getItems().isEmpty());
        robot.interact(() -> app.open(other));
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> stage.getTitle().contains("states10.gpkg"));
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> app.map().contentProperty().get() != null
                && app.map().contentProperty().get().crs().isGeographic());
        assertTrue(!stage.getTitle().contains("示意数据"), "real data is not called demonstration data");
    }

    @Test
    @SuppressWarnings("unchecked")
    void importedSitesAreCheckedAtOnce(FxRobot robot) throws Exception {
        java.nio.file.Path txt = java.nio.file.Path.of("../gis-core/src/test/resources/importer/plots-utf8.txt");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(txt), "importer samples absent");
        ListView<?> layers = robot.lookup("#layers").queryAs(ListView.class);
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> !layers.getItems().isEmpty());
        robot.interact(() -> app.importSites(txt));
        TableView<ResultRows.SiteRow> sites = robot.lookup("#result-sites").queryAs(TableView.class);
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> sites.getItems().stream().anyMatch(r -> r.site().equals("白果河泵站")));
        assertTrue(sites.getItems().stream().noneMatch(r -> r.site().equals("白果河水库除险加固工程")), "the file's sites replace the data's");
        assertTrue(app.map().contentProperty().get().layers().stream().anyMatch(l -> l.table().equals("imported:plots-utf8.txt")),
                "the imported sites are on the map");
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> app.map().upToDate());
        robot.interact(() -> Screenshots.save(stage.getScene(), "imported-sites"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void sitesFarFromTheDataAreNotCheckedInTheResultsTable(FxRobot robot) throws Exception {
        java.nio.file.Path far = java.nio.file.Path.of("src/test/resources/cn/basinguard/app/scope/far-sites.geojson");
        ListView<?> layers = robot.lookup("#layers").queryAs(ListView.class);
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> !layers.getItems().isEmpty());
        robot.interact(() -> app.importSites(far));
        TableView<ResultRows.SiteRow> sites = robot.lookup("#result-sites").queryAs(TableView.class);
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> sites.getItems().stream().anyMatch(r -> r.site().equals("旧金山测试地块")));
        ResultRows.SiteRow sf = sites.getItems().stream().filter(r -> r.site().equals("旧金山测试地块")).findFirst().orElseThrow();
        assertEquals("未核查", sf.verdict());
        assertTrue(Double.isNaN(sf.basicFarmlandM2()), "not measured, never a 0 that reads as no overlap");
        assertEquals("—", AreaUnit.MU.format(sf.basicFarmlandM2()), "shown as a dash");
        assertTrue(sf.fails(), "never shown as compliant");
        assertTrue(sf.reasons().contains("不在核查范围") && sf.reasons().contains("10,348 公里"), sf.reasons());
        ResultRows.SiteRow inside = sites.getItems().stream().filter(r -> r.site().equals("区内地块")).findFirst().orElseThrow();
        assertEquals("符合", inside.verdict());
        // on the map only the two sites near the district: the far one, projected into zone 38, would land on it
        var layer = app.map().contentProperty().get().layers().stream().filter(l -> l.table().equals("imported:far-sites.geojson"))
                .findFirst().orElseThrow();
        assertEquals(2, layer.features().size());
        // the row of a site with no place on the map selects nothing rather than failing
        robot.interact(() -> sites.getSelectionModel().select(sf));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.map().highlightProperty().get().isEmpty());
    }

    @Test
    void clickingAFeatureIdentifiesItWithItsArea(FxRobot robot) throws Exception {
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> app.map().contentProperty().get() != null
                && app.map().viewportProperty().get() != null);
        var content = app.map().contentProperty().get();
        var sites = content.layers().stream().filter(l -> l.table().equals("XMXZ")).findFirst().orElseThrow();
        var site = sites.features().get(0);
        var vp = app.map().viewportProperty().get();
        robot.interact(() -> app.map().zoomTo(site.geometry().getEnvelopeInternal()));
        var zoomed = app.map().viewportProperty().get();
        var inside = site.geometry().getInteriorPoint();
        javafx.geometry.Point2D screen = app.map().localToScreen(zoomed.pixelX(inside.getX()), zoomed.pixelY(inside.getY()));
        robot.clickOn(screen);
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> robot.listWindows().stream()
                .anyMatch(w -> w.getScene() != null && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane));
        var dialog = (javafx.scene.control.DialogPane) robot.listWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane).findFirst().orElseThrow().getScene().getRoot();
        assertTrue(dialog.getContentText().contains("XMMC") && dialog.getContentText().contains(site.label()), dialog.getContentText());
        assertTrue(dialog.getContentText().contains("椭球面积"), dialog.getContentText());
        assertTrue(vp != null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void runsTheChecksInTheBackgroundAndAFailingResultPointsAtItsPlace(FxRobot robot) throws Exception {
        robot.clickOn("#run-checks");
        TableView<ResultRows.IndicatorRow> indicators = robot.lookup("#result-indicators").queryAs(TableView.class);
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> !indicators.getItems().isEmpty());
        int failing = -1;
        for (int i = 0; i < indicators.getItems().size(); i++) {
            if (indicators.getItems().get(i).status() == IndicatorResult.Status.FAIL && indicators.getItems().get(i).geometry() != null) {
                failing = i;
                break;
            }
        }
        assertTrue(failing >= 0, "the sample has a failing unit bottom line");
        int row = failing;
        robot.interact(() -> indicators.getSelectionModel().select(row));
        assertNotNull(app.selectionProperty().get(), "the failing unit is handed to the map");
        TableView<ResultRows.SiteRow> sites = robot.lookup("#result-sites").queryAs(TableView.class);
        assertTrue(sites.getItems().stream().anyMatch(ResultRows.SiteRow::fails));
        ResultRows.SiteRow encroaching = sites.getItems().stream().filter(s -> s.overlap() != null).findFirst().orElseThrow();
        robot.interact(() -> sites.getSelectionModel().select(encroaching));
        assertTrue(app.selectionProperty().get() == encroaching.overlap(), "the overlap itself, not just the site, is shown");
        WaitForAsyncUtils.waitForFxEvents();
        var vp = app.map().viewportProperty().get();
        assertTrue(vp.envelope().contains(encroaching.overlap().getEnvelopeInternal()), "the map zoomed to the overlap");
        assertTrue(vp.envelope().getWidth() < 20_000, "and closer than the whole district: " + vp.envelope());
        assertEquals(1, app.map().highlightProperty().get().size());
        robot.interact(() -> app.map().requestFocus());
        Thread.sleep(1500); // the frame is painted on the painter thread
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), "site-overlap-highlighted"));
        robot.interact(() -> Screenshots.save(stage.getScene(), "results-table"));

        java.nio.file.Path out = java.nio.file.Files.createTempDirectory("sheets");
        ExportTask[] export = new ExportTask[1];
        robot.interact(() -> export[0] = app.exportSheets(out, null));
        // every sheet of the district (41 files, maps drawn for each PDF) takes ~30 s of CPU: a busy 2-core machine
        // needs several times that; this waits for the end, it does not time it
        FxWait.waitFor(240, TimeUnit.SECONDS, () -> export[0].isDone());
        assertTrue(export[0].get().size() >= 3, "sheets written: " + export[0].get());
        try (var files = java.nio.file.Files.list(out)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".pdf")));
        }
        java.nio.file.Path one = java.nio.file.Files.createTempDirectory("one-site");
        robot.interact(() -> export[0] = app.exportSheets(one, encroaching.site()));
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> export[0].isDone());
        assertEquals(2, export[0].get().size(), "the one site's PDF and CSV: " + export[0].get());
    }
}
