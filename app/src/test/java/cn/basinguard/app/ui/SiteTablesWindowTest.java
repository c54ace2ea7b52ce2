package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.app.Version;
import cn.basinguard.core.i18n.Messages;
import cn.basinguard.core.report.CheckJson;
import cn.basinguard.core.report.Figures;
import cn.basinguard.core.report.SheetCell;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A site's land-use tables in the window: the sample opened, the checks run, a site double-clicked in the sites table;
 * its land-class, three-big-class, owner and patch tables show, figure for figure, what {@code check --json} says of
 * that site, and the legend lists the land classes the land-use layer holds.
 */
class SiteTablesWindowTest extends WindowTest {

    @Test
    @SuppressWarnings("unchecked")
    void doubleClickingASiteShowsItsLandClassOwnerAndPatchTablesWithTheFiguresOfTheJson(FxRobot robot) throws Exception {
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> app.map().contentProperty().get() != null);
        legendListsTheLandClassesOfTheLandUseLayer(robot);
        robot.interact(() -> app.runChecks());
        TableView<ResultRows.SiteRow> sites = robot.lookup("#result-sites").queryAs(TableView.class);
        FxWait.waitFor(120, TimeUnit.SECONDS, () -> !sites.getItems().isEmpty() && app.reportProperty().get() != null);
        TabPane results = robot.lookup("#results").queryAs(TabPane.class);
        robot.interact(() -> results.getSelectionModel().select(1));
        // the measured site with the most occupied patches of the land-use layer
        ResultRows.SiteRow row = sites.getItems().stream().filter(r -> r.result().landUse() != null)
                .max(java.util.Comparator.comparingInt(r -> r.result().patches().size())).orElseThrow();
        assertFalse(row.result().patches().isEmpty(), "a site that occupies patches");

        robot.interact(() -> sites.scrollTo(row));
        WaitForAsyncUtils.waitForFxEvents();
        Node rowNode = sites.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> t && t.getItem() == row && t.isVisible()).findFirst().orElseThrow();
        // a click chooses the site (the map goes to it), a double click opens its tables
        robot.clickOn(rowNode);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(row, sites.getSelectionModel().getSelectedItem(), "the click chose the site");
        robot.doubleClickOn(rowNode);
        WaitForAsyncUtils.waitForFxEvents();
        SiteTablesTab tab = ((ResultsPane) results).siteTables();
        assertEquals(tab, results.getSelectionModel().getSelectedItem(), "a double click opens the site's tables");
        FxWait.waitFor(30, TimeUnit.SECONDS, tab::showing);
        assertTrue(((javafx.scene.control.Label) robot.lookup("#site-tables-heading").query()).getText().startsWith(row.site()));

        Map<String, Object> json = siteJson(row.site());
        List<List<SheetCell>> classes = rows(robot, "#site-table-0");
        List<Map<String, Object>> jsonClasses = (List<Map<String, Object>>) json.get("land_classes");
        assertFalse(jsonClasses.isEmpty());
        for (Map<String, Object> c : jsonClasses) {
            double m2 = ((Number) c.get("area_m2")).doubleValue();
            List<SheetCell> line = classes.stream().filter(r -> r.get(0).text().equals(c.get("dlbm"))).findFirst().orElseThrow();
            assertEquals(c.get("dlmc"), line.get(1).text());
            assertEquals(Figures.text(Figures.m2(m2)), line.get(3).text(), "m² of " + c.get("dlbm"));
            assertEquals(Figures.text(Figures.hectares(m2)), line.get(4).text(), "公顷 of " + c.get("dlbm"));
            assertEquals(Figures.text(Figures.mu(m2)), line.get(5).text(), "亩 of " + c.get("dlbm"));
        }
        Map<String, Object> landUse = (Map<String, Object>) json.get("land_use");
        List<SheetCell> outside = classes.stream().filter(r -> r.get(1).text().equals(Messages.get("sheet.row.outside"))).findFirst().orElseThrow();
        assertEquals(Figures.text(Figures.m2(((Number) landUse.get("outside_m2")).doubleValue())), outside.get(3).text(), "the part not covered");

        List<List<SheetCell>> groups = rows(robot, "#site-table-1");
        for (Map<String, Object> g : (List<Map<String, Object>>) json.get("class3")) {
            List<SheetCell> line = groups.stream().filter(r -> r.get(0).text().equals(g.get("class3"))).findFirst().orElseThrow();
            assertEquals(Figures.text(Figures.m2(((Number) g.get("area_m2")).doubleValue())), line.get(1).text(), "three big class " + g.get("class3"));
        }
        List<List<SheetCell>> owners = rows(robot, "#site-table-2");
        for (Map<String, Object> o : (List<Map<String, Object>>) json.get("owners")) {
            String name = o.get("qsdwmc") == null ? "—" : (String) o.get("qsdwmc");
            List<SheetCell> line = owners.stream().filter(r -> r.get(0).text().equals(name)).findFirst().orElseThrow();
            assertEquals(Figures.text(Figures.m2(((Number) o.get("area_m2")).doubleValue())), line.get(1).text(), "owner " + name);
        }
        List<List<SheetCell>> patches = rows(robot, "#site-table-4");
        List<Map<String, Object>> jsonPatches = (List<Map<String, Object>>) json.get("patches");
        assertEquals(jsonPatches.size(), patches.size(), "one row per occupied patch");
        for (int i = 0; i < patches.size(); i++) {
            Map<String, Object> p = jsonPatches.get(i);
            List<SheetCell> line = patches.get(i);
            assertEquals(p.get("id"), line.get(1).text());
            assertEquals(p.get("dlbm") == null ? "—" : p.get("dlbm"), line.get(3).text());
            assertEquals(Figures.text(Figures.m2(((Number) p.get("area_m2")).doubleValue())), line.get(9).text(), "YZMJ of " + p.get("id"));
            assertEquals(Figures.text(Figures.percent(((Number) p.get("share")).doubleValue())), line.get(11).text(), "压占比 of " + p.get("id"));
        }
        robot.interact(() -> Screenshots.save(stage.getScene(), "site-tables-classes"));
        robot.interact(() -> ((TabPane) robot.lookup("#site-tables-tabs").query()).getSelectionModel().select(4));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), "site-tables-patches"));
    }

    /** The legend panel lists, under the land-use layer, the land classes it holds by first-level class, as printed. */
    private void legendListsTheLandClassesOfTheLandUseLayer(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        var legend = robot.lookup("#legend").queryAs(javafx.scene.layout.VBox.class);
        List<String> texts = new ArrayList<>();
        legend.lookupAll(".label").forEach(n -> texts.add(((javafx.scene.control.Label) n).getText()));
        assertTrue(texts.contains("01 耕地"), "the first-level class heading: " + texts);
        assertNotNull(robot.lookup("#legend-class-0101").tryQuery().orElse(null), "0101 水田 is listed: " + texts);
        assertEquals("0101 水田", robot.lookup("#legend-class-0101").queryAs(javafx.scene.control.Label.class).getText());
        // 沿海滩涂 (1105) is a coastal class: an inland district holds none
        assertTrue(texts.stream().noneMatch(t -> t.startsWith("1105")), "a class the layer does not hold is not listed: " + texts);
    }

    @SuppressWarnings("unchecked")
    private static List<List<SheetCell>> rows(FxRobot robot, String id) {
        return new ArrayList<>(robot.lookup(id).queryAs(TableView.class).getItems());
    }

    /** The site's object in what {@code check --json} writes of the window's report. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> siteJson(String name) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CheckJson.write(app.reportProperty().get(), Version.get(), out);
        try (JsonParser p = new JsonFactory().createParser(out.toByteArray())) {
            p.nextToken();
            Map<String, Object> root = (Map<String, Object>) value(p);
            for (Object s : (List<Object>) root.get("sites")) {
                if (name.equals(((Map<String, Object>) s).get("name"))) {
                    return (Map<String, Object>) s;
                }
            }
        }
        throw new AssertionError("no site " + name + " in the JSON");
    }

    private static Object value(JsonParser p) throws Exception {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Object> m = new LinkedHashMap<>();
            while (p.nextToken() != JsonToken.END_OBJECT) {
                String k = p.currentName();
                p.nextToken();
                m.put(k, value(p));
            }
            return m;
        }
        if (t == JsonToken.START_ARRAY) {
            List<Object> l = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                l.add(value(p));
            }
            return l;
        }
        return switch (t) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            default -> null;
        };
    }
}
