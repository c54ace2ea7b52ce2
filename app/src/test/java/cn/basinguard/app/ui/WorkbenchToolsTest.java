package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.map.MapContent;
import cn.basinguard.core.map.MapLayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Point2D;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench's layer panel, measuring tools, table ↔ map selection and drawing a site, driven as a user would. */
class WorkbenchToolsTest extends WindowTest {
    @BeforeEach
    void loaded() throws Exception {
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> app.map().contentProperty().get() != null
                && app.map().viewportProperty().get() != null && !app.layers().list().getItems().isEmpty());
    }

    private MapContent content() {
        return app.map().contentProperty().get();
    }

    private LayerInfo info(String table) {
        return FxWait.get(() -> app.layers().list().getItems().stream().filter(l -> l.name().equals(table)).findFirst().orElseThrow());
    }

    /** The layers as listed, read on the JavaFX thread (their rows are counted in the background and the list follows). */
    private List<String> listed() throws Exception {
        return FxWait.read(() -> app.layers().list().getItems().stream().map(LayerInfo::name).toList());
    }

    private static int index(MapContent c, String table) {
        return c.indexOf(table);
    }

    private Point2D screen(double x, double y) {
        var vp = app.map().viewportProperty().get();
        return app.map().localToScreen(vp.pixelX(x), vp.pixelY(y));
    }

    @Test
    void layersAreReorderedRestyledAndTheLegendFollows(FxRobot robot) throws Exception {
        List<String> listed = listed();
        MapContent c = content();
        assertEquals(c.layers().get(c.layers().size() - 1).table(), listed.get(0), "the top layer is listed first");
        int farmland = index(c, "YJJBNTTB");
        int cultivated = index(c, "DLTB");
        assertTrue(farmland > cultivated, "basic farmland is drawn over cultivated land by default");

        robot.interact(() -> app.layers().step(info("DLTB"), 1));
        assertEquals(cultivated + 1, index(content(), "DLTB"), "one step up in the drawing order");
        List<String> after = listed();
        assertEquals(after.indexOf("DLTB") + 1, after.indexOf(content().layers().get(cultivated).table()),
                "the list shows the new order: " + after);

        // dragging a row onto another moves the layer to that row's place in the drawing order
        int target = index(content(), "DLTB");
        robot.interact(() -> app.layers().moveOnto("XMXZ", info("DLTB")));
        assertEquals(target, index(content(), "XMXZ"));

        // style: fill, opacity and labels by a field the user picks (read from the file in the background)
        MapLayer dltb = content().layers().get(index(content(), "DLTB"));
        assertFalse(dltb.style().labelled());
        var style = dltb.style().withFill(new java.awt.Color(10, 20, 30)).withLabels(java.awt.Color.BLACK, 12);
        robot.interact(() -> app.layers().apply(info("DLTB"), new StyleChoice(style, 0.5, "DLMC")));
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> content().layers().get(index(content(), "DLTB")).style().labelled());
        MapLayer restyled = content().layers().get(index(content(), "DLTB"));
        assertEquals(new java.awt.Color(10, 20, 30), restyled.style().fill());
        assertEquals(0.5, restyled.opacity(), 1e-9);
        assertTrue(restyled.features().stream().allMatch(f -> f.label() != null && !f.label().isBlank()),
                "every patch is labelled by DLMC");

        // the legend lists the visible layers, top first, and drops a hidden one
        // (read once the JavaFX thread has done its work: it rebuilds the legend when the labels arrive)
        javafx.scene.layout.VBox legend = robot.lookup("#legend").queryAs(javafx.scene.layout.VBox.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(content().visibleLayers().size(), legend.getChildren().size());
        robot.interact(() -> app.layers().setVisible(info("SKSM"), false));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(content().visibleLayers().size(), legend.getChildren().size());
        assertTrue(legend.getChildren().stream().noneMatch(n -> n.toString().contains("水库水面")));
        robot.interact(() -> app.map().zoomTo(restyled.features().get(0).geometry().getEnvelopeInternal()));
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> app.map().upToDate());
        robot.interact(() -> Screenshots.save(stage.getScene(), "layers-restyled"));
    }

    @Test
    void aRightClickOnALayersRowShowsItsMenu(FxRobot robot) throws Exception {
        // the menu is made at the first right click (not with every cell): it must still be there when asked for
        // (the list makes its rows at a layout pulse after the layers arrive: wait for one, as a user's eye would)
        LayerCell[] found = new LayerCell[1];
        try {
            FxWait.waitFor(10, TimeUnit.SECONDS, () -> {
                found[0] = app.layers().list().lookupAll(".list-cell").stream()
                        .filter(n -> n instanceof LayerCell c && c.isVisible() && c.getItem() != null && content().indexOf(c.getItem().name()) >= 0)
                        .map(LayerCell.class::cast).findFirst().orElse(null);
                return found[0] != null;
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no map layer's row among " + app.layers().list().lookupAll(".list-cell").stream()
                    .map(n -> n.getClass().getSimpleName() + " " + ((javafx.scene.control.ListCell<?>) n).getItem()).toList());
        }
        LayerCell row = found[0];
        String table = row.getItem().name();
        // a right click, as the platform reports it (Monocle sends no context-menu event of its own)
        robot.interact(() -> {
            javafx.geometry.Bounds b = row.localToScreen(row.getBoundsInLocal());
            javafx.event.Event.fireEvent(row, new javafx.scene.input.ContextMenuEvent(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    10, 10, b.getMinX() + 10, b.getMinY() + 10, false, null));
        });
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> row.getContextMenu() != null && row.getContextMenu().isShowing());
        javafx.scene.control.MenuItem zoom = row.getContextMenu().getItems().stream()
                .filter(i -> UiText.get("layer.zoom").equals(i.getText())).findFirst().orElseThrow();
        robot.interact(() -> {
            zoom.fire();
            row.getContextMenu().hide();
        });
        Envelope extent = content().layers().get(index(content(), table)).extent();
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> app.map().viewportProperty().get().envelope().covers(extent));
    }

    @Test
    void theStyleDialogOpensWithTheLayersStyle(FxRobot robot) {
        MapLayer farmland = content().layers().get(index(content(), "YJJBNTTB"));
        LayerStyleDialog[] d = new LayerStyleDialog[1];
        robot.interact(() -> d[0] = new LayerStyleDialog(farmland, List.of("DLMC", "TBBH"), null));
        assertEquals(cn.basinguard.core.map.Hatch.DIAGONAL, d[0].hatch.getValue());
        assertTrue(d[0].filled.isSelected());
        assertEquals(farmland.style().fill().getRed(), (int) Math.round(d[0].fill.getValue().getRed() * 255));
    }

    private static double figure(String text, String after) {
        Matcher m = Pattern.compile(Pattern.quote(after) + "\\s*([0-9,]+\\.?[0-9]*)\\s*(km|m)?").matcher(text);
        assertTrue(m.find(), text);
        double v = Double.parseDouble(m.group(1).replace(",", ""));
        return "km".equals(m.group(2)) ? v * 1000 : v;
    }

    @Test
    void measuringDistanceAndAreaOnTheEllipsoid(FxRobot robot) throws Exception {
        var e = content().fullExtent();
        double x0 = e.centre().x - 1500;
        double y0 = e.centre().y - 1500;
        robot.interact(() -> app.map().zoomTo(new org.locationtech.jts.geom.Envelope(x0, x0 + 3000, y0, y0 + 3000)));
        robot.interact(() -> app.useTool(MapTool.MEASURE_LENGTH));
        robot.clickOn(screen(x0, y0));
        robot.clickOn(screen(x0 + 2000, y0));
        robot.doubleClickOn(screen(x0 + 2000, y0 + 1500));
        var pts = app.map().sketch().points(false);
        double planar = pts.get(0).distance(pts.get(1)) + pts.get(1).distance(pts.get(2));
        javafx.scene.control.Label shown = robot.lookup("#measure-result").queryAs(javafx.scene.control.Label.class);
        double measured = figure(shown.getText(), "：");
        // Gauss–Krüger distances near the zone's central meridian are within 0.1 % of the ellipsoid's
        assertEquals(planar, measured, planar * 0.002, shown.getText());
        assertTrue(app.map().sketch().finished());
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> app.map().upToDate());
        robot.interact(() -> Screenshots.save(stage.getScene(), "measure-distance"));

        robot.interact(() -> app.useTool(MapTool.MEASURE_AREA));
        robot.clickOn(screen(x0, y0));
        robot.clickOn(screen(x0 + 2000, y0));
        robot.clickOn(screen(x0 + 2000, y0 + 1500));
        robot.doubleClickOn(screen(x0, y0 + 1500));
        var corners = app.map().sketch().points(false);
        assertEquals(4, corners.size(), "a double click ends without adding a fifth point");
        var f = new org.locationtech.jts.geom.GeometryFactory();
        var ring = new java.util.ArrayList<>(corners);
        ring.add(corners.get(0));
        double planarArea = f.createPolygon(ring.toArray(new org.locationtech.jts.geom.Coordinate[0])).getArea();
        double m2 = figure(shown.getText(), "：");
        assertEquals(planarArea, m2, planarArea * 0.004, shown.getText());
        assertTrue(shown.getText().contains("亩"), shown.getText());
        robot.interact(() -> app.map().requestFocus());
        robot.type(KeyCode.ESCAPE);
        assertTrue(app.map().sketch().points(false).isEmpty(), "Esc clears the sketch");
        robot.interact(() -> app.useTool(MapTool.BROWSE));
        assertFalse(shown.isVisible());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFeatureClickedOnTheMapIsSelectedInItsTableAndARowZoomsTheMap(FxRobot robot) throws Exception {
        AttributeTableTab[] tab = new AttributeTableTab[1];
        robot.interact(() -> tab[0] = app.openAttributes(info("XMXZ")));
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> tab[0].table().getItems().size() == 17);
        var site = content().layers().get(index(content(), "XMXZ")).features().get(5);
        robot.interact(() -> app.map().zoomTo(site.geometry().getEnvelopeInternal()));
        var inside = site.geometry().getInteriorPoint();
        robot.clickOn(screen(inside.getX(), inside.getY()));
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> tab[0].table().getSelectionModel().getSelectedItem() != null);
        assertEquals(site.id(), tab[0].table().getSelectionModel().getSelectedItem().fid(), "the clicked site's row is selected");
        robot.listWindows().stream().filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .forEach(w -> robot.interact(() -> ((Stage) w).close()));

        robot.interact(() -> app.map().fullExtent());
        var other = content().layers().get(index(content(), "XMXZ")).features().get(11);
        int row = -1;
        for (int i = 0; i < tab[0].table().getItems().size(); i++) {
            if (tab[0].table().getItems().get(i).fid() == other.id()) {
                row = i;
            }
        }
        int r = row;
        robot.interact(() -> tab[0].table().getSelectionModel().clearAndSelect(r));
        assertTrue(app.map().viewportProperty().get().envelope().getWidth() > 20_000, "selecting a row highlights, it does not move the map");
        assertEquals(1, app.map().highlightProperty().get().size());
        robot.interact(() -> tab[0].zoomToSelected());
        var vp = app.map().viewportProperty().get();
        assertTrue(vp.envelope().contains(other.geometry().getEnvelopeInternal()) && vp.envelope().getWidth() < 20_000, vp.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSiteDrawnOnTheMapIsCheckedAndSaved(FxRobot robot) throws Exception {
        // a site drawn straight across a basic-farmland patch
        MapLayer farmland = content().layers().get(index(content(), "YJJBNTTB"));
        var patch = farmland.features().get(40).geometry();
        var c = patch.getInteriorPoint().getCoordinate();
        robot.interact(() -> app.map().zoomTo(patch.getEnvelopeInternal()));
        robot.interact(() -> app.useTool(MapTool.DRAW_SITE));
        robot.clickOn(screen(c.x - 40, c.y - 40));
        robot.clickOn(screen(c.x + 40, c.y - 40));
        robot.clickOn(screen(c.x + 40, c.y + 40));
        robot.doubleClickOn(screen(c.x - 40, c.y + 40));
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> robot.listWindows().stream()
                .anyMatch(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane));
        robot.type(KeyCode.ENTER);
        TableView<ResultRows.SiteRow> sites = robot.lookup("#result-sites").queryAs(TableView.class);
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> sites.getItems().size() == 1);
        ResultRows.SiteRow drawn = sites.getItems().get(0);
        assertTrue(drawn.site().startsWith("绘制选址"), drawn.site());
        assertTrue(drawn.fails(), "a site on basic farmland fails: " + drawn.verdict());
        robot.interact(() -> app.useTool(MapTool.BROWSE));

        Path dir = Files.createTempDirectory("drawn");
        Path out = dir.resolve("working.gpkg");
        javafx.concurrent.Task<Void>[] save = new javafx.concurrent.Task[1];
        robot.interact(() -> save[0] = app.saveSites(out, "绘制选址"));
        FxWait.waitFor(20, TimeUnit.SECONDS, save[0]::isDone);
        save[0].get(); // throws if the save failed
        try (GeoPackageSource src = GeoPackageSource.open(out)) {
            var rows = src.readAll("绘制选址", p -> { });
            assertEquals(1, rows.size());
            assertEquals(drawn.site(), rows.get(0).attributes().get("XMMC"));
            assertEquals(6400, rows.get(0).geometry().getArea(), 6400 * 0.03, "80 m × 80 m as drawn, to the pixel");
        }
        // the open data file is never written, whatever the user picks
        robot.interact(() -> save[0] = app.saveSites(cn.basinguard.data.SampleData.zengduSample(), "x"));
        FxWait.waitFor(20, TimeUnit.SECONDS, save[0]::isDone);
        var refused = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class, save[0]::get);
        assertTrue(refused.getCause().getMessage().contains("当前打开"), refused.getCause().getMessage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void pastedCoordinatesAreCheckedAsASite(FxRobot robot) throws Exception {
        assertEquals("EPSG:4526", "EPSG:" + content().crs().epsg(), "the sample's map is in the zone-prefixed grid");
        var c = content().layers().get(index(content(), "YJJBNTTB")).features().get(12).geometry().getInteriorPoint().getCoordinate();
        // 点号,X(north),Y(east with zone prefix), Chinese commas in one line as people paste them
        String text = String.format(java.util.Locale.ROOT, "J1,%.2f,%.2f%nJ2,%.2f,%.2f%nJ3，%.2f，%.2f%nJ4,%.2f,%.2f%n",
                c.y - 30, c.x - 30, c.y - 30, c.x + 30, c.y + 30, c.x + 30, c.y + 30, c.x - 30);
        robot.interact(() -> app.checkPasted(text, "粘贴选址"));
        TableView<ResultRows.SiteRow> sites = robot.lookup("#result-sites").queryAs(TableView.class);
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> sites.getItems().size() == 1 && sites.getItems().get(0).site().equals("粘贴选址"));
        assertTrue(sites.getItems().get(0).fails(), "the pasted square lies on basic farmland");
        // the site is on the map as a layer of its own, listed, with its attribute table
        MapLayer pasted = content().layers().get(content().layers().size() - 1);
        assertTrue(pasted.table().startsWith("imported:"), pasted.table());
        assertEquals(1, pasted.features().size());
        assertEquals(3600, pasted.features().get(0).geometry().getArea(), 1, "60 m × 60 m as typed");
        LayerInfo listed = FxWait.read(() -> app.layers().list().getItems().get(0));
        assertEquals(pasted.table(), listed.name(), "listed first, as it is drawn on top");
        AttributeTableTab[] tab = new AttributeTableTab[1];
        robot.interact(() -> tab[0] = app.openAttributes(listed));
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> tab[0].table().getItems().size() == 1);
        assertEquals("粘贴选址", tab[0].table().getItems().get(0).attributes().get("XMMC"));
        // a click on it says what it is (its rows are the window's, not a layer of the opened file)
        robot.interact(() -> app.identify(c.x, c.y));
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> robot.listWindows().stream().anyMatch(w -> w.isShowing() && w.getScene() != null
                && w.getScene().getRoot() instanceof DialogPane p && pasted.name().equals(p.getHeaderText())));
        DialogPane said = robot.listWindows().stream().filter(w -> w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane p
                && pasted.name().equals(p.getHeaderText())).map(w -> (DialogPane) w.getScene().getRoot()).findFirst().orElseThrow();
        assertTrue(said.getContentText().contains("XMMC: 粘贴选址") && said.getContentText().contains("平方米"), said.getContentText());
        robot.listWindows().stream().filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .forEach(w -> robot.interact(() -> ((Stage) w).close()));
    }

    @Test
    void aClickNearAPatchCornerSnapsToIt(FxRobot robot) throws Exception {
        var patch = content().layers().get(index(content(), "YJJBNTTB")).features().get(25).geometry();
        robot.interact(() -> app.map().zoomTo(patch.getEnvelopeInternal()));
        robot.interact(() -> app.useTool(MapTool.MEASURE_AREA));
        var corner = patch.getCoordinates()[0];
        var vp = app.map().viewportProperty().get();
        // five pixels off the corner
        robot.clickOn(screen(corner.x + 4 * vp.unitsPerPixel(), corner.y + 3 * vp.unitsPerPixel()));
        var p = app.map().sketch().points(false).get(0);
        assertEquals(corner.x, p.x, 1e-9, "snapped to the corner");
        assertEquals(corner.y, p.y, 1e-9);
        // far from any corner (the patch's inside, more than 8 pixels from its boundary) the point stays where clicked
        robot.interact(() -> app.map().sketch().clear());
        var inside = patch.buffer(-12 * vp.unitsPerPixel()).getInteriorPoint().getCoordinate();
        robot.clickOn(screen(inside.x, inside.y));
        var q = app.map().sketch().points(false).get(0);
        assertTrue(q.distance(inside) < 1.5 * vp.unitsPerPixel(), "not snapped: " + q + " vs " + inside);
        robot.interact(() -> app.useTool(MapTool.BROWSE));
    }

    @Test
    void aLayerIsDraggedToAnotherPlaceInTheList(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        var cells = robot.lookup(n -> n instanceof LayerCell c && c.getItem() != null).queryAllAs(LayerCell.class).stream().toList();
        LayerCell sites = cells.stream().filter(c -> c.getItem().name().equals("XMXZ")).findFirst().orElseThrow();
        LayerCell cultivated = cells.stream().filter(c -> c.getItem().name().equals("DLTB")).findFirst().orElseThrow();
        int target = index(content(), "DLTB");
        robot.drag(sites, javafx.scene.input.MouseButton.PRIMARY).dropTo(cultivated);
        FxWait.waitFor(5, TimeUnit.SECONDS, () -> index(content(), "XMXZ") == target);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aScaleTypedOrChosenSetsTheMap(FxRobot robot) throws Exception {
        javafx.scene.control.ComboBox<String> scale = robot.lookup("#scale").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> scale.setValue("1:10,000"));
        var vp = app.map().viewportProperty().get();
        assertEquals(10_000, vp.scaleDenominator(content().crs(), MapScale.SCREEN_DPI), 1);
        robot.interact(() -> scale.setValue("1：2.5万"));
        assertEquals(25_000, app.map().viewportProperty().get().scaleDenominator(content().crs(), MapScale.SCREEN_DPI), 1);
        robot.interact(() -> scale.setValue("nonsense"));
        assertEquals(25_000, app.map().viewportProperty().get().scaleDenominator(content().crs(), MapScale.SCREEN_DPI), 1,
                "text that is no scale leaves the map as it was");
        robot.interact(() -> app.map().requestFocus());
        robot.type(KeyCode.EQUALS);
        assertEquals("1:12,500", scale.getEditor().getText(), "the box follows the map");
    }
}
