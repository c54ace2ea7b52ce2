package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.check.IndicatorResult;
import cn.basinguard.core.check.Verdict;
import cn.basinguard.core.report.Figures;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The result tables as a planner reads them: areas in 亩 (or m², 公顷), figures never cut short, amber conditions, severity order. */
class ResultTablesTest extends WindowTest {
    private TableView<ResultRows.SiteRow> sites;
    private TableView<ResultRows.IndicatorRow> indicators;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void runChecks(FxRobot robot) throws Exception {
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> app.map().contentProperty().get() != null);
        robot.interact(() -> app.runChecks());
        sites = robot.lookup("#result-sites").queryAs(TableView.class);
        indicators = robot.lookup("#result-indicators").queryAs(TableView.class);
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> !sites.getItems().isEmpty() && !indicators.getItems().isEmpty());
        robot.interact(() -> ((javafx.scene.control.TabPane) robot.lookup("#results").query()).getSelectionModel().select(1));
    }

    @Test
    void areaColumnsShowMuSwitchToSquareMetresAndHectaresAndAreNeverCutShort(FxRobot robot) throws Exception {
        ResultRows.SiteRow site = sites.getItems().stream().filter(r -> r.basicFarmlandM2() > 0).findFirst().orElseThrow();
        TableColumn<ResultRows.SiteRow, ?> farmland = column(sites, "result-sites-basicFarmland");
        assertEquals("压占永久基本农田（亩）", farmland.getText(), "亩 by default");
        assertEquals(Figures.muText(site.basicFarmlandM2()), cell(robot, sites, farmland, site).getText());

        openColumnMenu(robot, "#result-sites-basicFarmland");
        robot.clickOn("面积以公顷显示");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("压占永久基本农田（公顷）", farmland.getText());
        assertEquals(Figures.hectareText(site.basicFarmlandM2()), cell(robot, sites, farmland, site).getText());
        assertEquals("选址面积（公顷）", column(sites, "result-sites-siteArea").getText(), "every area column follows");
        robot.interact(() -> Screenshots.save(stage.getScene(), "results-sites-hectares"));

        openColumnMenu(robot, "#result-sites-siteArea");
        robot.clickOn("面积以m²显示");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Figures.m2Text(site.basicFarmlandM2()), cell(robot, sites, farmland, site).getText());
        assertEquals(AreaUnit.SQUARE_METRE, ((ResultsPane) robot.lookup("#results").query()).areaUnitProperty().get());

        // sorted by the area itself, not by its text
        robot.interact(() -> {
            sites.getSortOrder().setAll(List.of(farmland));
            farmland.setSortType(TableColumn.SortType.DESCENDING);
        });
        double[] sorted = sites.getItems().stream().mapToDouble(ResultRows.SiteRow::basicFarmlandM2).toArray();
        for (int i = 1; i < sorted.length; i++) {
            assertTrue(sorted[i - 1] >= sorted[i], "largest overlap first");
        }
        aFigureThatDoesNotFitIsShownInFullInATooltipUntilTheColumnIsWidened(robot);
    }

    /** (One window and one check run for this and the test above: the window tests are the slow part of the build.) */
    private void aFigureThatDoesNotFitIsShownInFullInATooltipUntilTheColumnIsWidened(FxRobot robot) throws Exception {
        ResultRows.SiteRow site = sites.getItems().stream().max(java.util.Comparator.comparingDouble(ResultRows.SiteRow::areaM2)).orElseThrow();
        TableColumn<ResultRows.SiteRow, ?> area = column(sites, "result-sites-siteArea");
        assertTrue(area.isResizable(), "the user can widen the column");
        robot.interact(() -> area.setPrefWidth(40));
        FullTextCell<?, ?> narrow = (FullTextCell<?, ?>) cell(robot, sites, area, site);
        String full = Figures.m2Text(site.areaM2()); // in m², as chosen above
        assertEquals(full, narrow.getText());
        FxWait.waitFor(5, TimeUnit.SECONDS, narrow::isCut);
        // the tip is made as the mouse comes over the cell
        robot.moveTo(narrow);
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> narrow.getTooltip() != null && narrow.getTooltip().isShowing());
        assertTrue(narrow.getTooltip().getText().startsWith(full + "\n"), "the whole figure, not the cut one: " + narrow.getTooltip().getText());
        assertTrue(narrow.getTooltip().getText().contains(site.reasons()), "and the site's reasons, as over every cell of its row");
        robot.interact(() -> Screenshots.save(stage.getScene(), "results-tooltip"));
        robot.moveTo("#map");

        robot.interact(() -> area.setPrefWidth(160));
        FullTextCell<?, ?> wide = (FullTextCell<?, ?>) cell(robot, sites, area, site);
        FxWait.waitFor(5, TimeUnit.SECONDS, () -> !wide.isCut());
        robot.moveTo(wide);
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> wide.getTooltip() != null && wide.getTooltip().isShowing());
        assertEquals(site.reasons(), wide.getTooltip().getText(), "a figure that fits is not repeated; the reasons stay");
        robot.moveTo("#map");
        Node shown = wide.lookup(".text");
        assertEquals(full, ((javafx.scene.text.Text) shown).getText(), "widened, the whole figure shows");
    }

    @Test
    void conditionalVerdictsAreAmberAndStatusColumnsSortBySeverity(FxRobot robot) throws Exception {
        ResultRows.SiteRow conditional = sites.getItems().stream().filter(r -> r.level() == Verdict.Level.CONDITIONAL).findFirst().orElseThrow();
        ResultRows.SiteRow failing = sites.getItems().stream().filter(r -> r.level() == Verdict.Level.FAIL).findFirst().orElseThrow();
        ResultRows.SiteRow passing = sites.getItems().stream().filter(r -> r.level() == Verdict.Level.PASS).findFirst().orElseThrow();
        TableColumn<ResultRows.SiteRow, ?> verdict = column(sites, "col-verdict");
        TableCell<?, ?> amber = cell(robot, sites, verdict, conditional);
        assertEquals("有条件符合", amber.getText());
        assertTrue(amber.getStyleClass().contains("status-conditional"));
        assertEquals(Color.web("#b26a00"), amber.getTextFill(), "amber");
        TableCell<?, ?> red = cell(robot, sites, verdict, failing);
        assertEquals(Color.web("#c62828"), red.getTextFill(), "failures stay red");
        assertNotEquals(red.getTextFill(), amber.getTextFill());
        assertEquals(Color.web("#2e7d32"), cell(robot, sites, verdict, passing).getTextFill());
        robot.interact(() -> sites.scrollTo(conditional));
        robot.interact(() -> Screenshots.save(stage.getScene(), "results-sites-amber"));
        statusColumnsSortBySeverity(robot);
    }

    private void statusColumnsSortBySeverity(FxRobot robot) throws Exception {
        TableColumn<ResultRows.SiteRow, ?> verdict = column(sites, "col-verdict");
        robot.clickOn("#col-verdict");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(verdict), sites.getSortOrder(), "a click on the header sorts by it");
        List<Verdict.Level> up = sites.getItems().stream().map(ResultRows.SiteRow::level).toList();
        for (int i = 1; i < up.size(); i++) {
            assertTrue(Severity.of(up.get(i - 1)) <= Severity.of(up.get(i)), "符合, 有条件符合, then 不符合: " + up);
        }
        assertTrue(up.indexOf(Verdict.Level.CONDITIONAL) > up.lastIndexOf(Verdict.Level.PASS)
                && up.lastIndexOf(Verdict.Level.CONDITIONAL) < up.indexOf(Verdict.Level.FAIL), "by severity, not by the words' order: " + up);
        robot.clickOn("#col-verdict");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Verdict.Level.FAIL, sites.getItems().get(0).level(), "descending: the worst first");

        TableColumn<ResultRows.IndicatorRow, ?> status = column(indicators, "col-status");
        robot.interact(() -> {
            status.setSortType(TableColumn.SortType.DESCENDING);
            indicators.getSortOrder().setAll(List.of(status));
        });
        assertEquals(IndicatorResult.Status.FAIL, indicators.getItems().get(0).status(), "failed bottom lines first");
        assertEquals(IndicatorResult.Status.PASS, indicators.getItems().get(indicators.getItems().size() - 1).status());
    }

    /**
     * A right click on a column header, as the desktop reports it: a context-menu request at the header (Monocle turns
     * no mouse button into one, so it is sent to the header here; the header's own handler opens the column's menu).
     */
    private static void openColumnMenu(FxRobot robot, String header) {
        Node node = robot.lookup(header).query();
        robot.moveTo(node);
        robot.interact(() -> {
            var b = node.getBoundsInLocal();
            var screen = node.localToScreen(b.getCenterX(), b.getCenterY());
            node.fireEvent(new javafx.scene.input.ContextMenuEvent(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    b.getCenterX(), b.getCenterY(), screen.getX(), screen.getY(), false, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static <R> TableColumn<R, ?> column(TableView<R> table, String id) {
        return (TableColumn<R, ?>) table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    /** The cell that shows {@code row} in {@code column}, scrolled into view. */
    private static <R> TableCell<?, ?> cell(FxRobot robot, TableView<R> table, TableColumn<R, ?> column, R row) throws Exception {
        robot.interact(() -> table.scrollTo(row));
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?>[] found = new TableCell<?, ?>[1];
        FxWait.waitFor(5, TimeUnit.SECONDS, () -> {
            found[0] = table.lookupAll(".table-cell").stream().filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() == column
                    && c.getTableRow() != null && c.getTableRow().getItem() == row && c.isVisible()).map(n -> (TableCell<?, ?>) n)
                    .findFirst().orElse(null);
            return found[0] != null;
        });
        assertNotNull(found[0]);
        return found[0];
    }
}
