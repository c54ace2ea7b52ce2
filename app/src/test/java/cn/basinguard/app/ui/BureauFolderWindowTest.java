package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.i18n.Messages;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on the Zengdu sample as a district bureau delivers it (data module: {@code zengdu-bureau/}, a folder of
 * GBK Shapefiles with the reservoirs in Xi'an 1980, and {@code zengdu-control-list.xlsx}): opened by 文件 → 打开文件夹
 * and by a drop, each layer's source shown, the control list imported by its menu, the checks giving exactly the
 * figures {@code basinguard check} gives on the same folder (the same JSON, byte for byte), the reservoir figures
 * marked 近似 until the seven parameters are given in 坐标转换参数…, and a bad list or bad parameters said in Chinese.
 */
class BureauFolderWindowTest extends WindowTest {
    /** The seven parameters the data module moved the reservoirs to Xi'an 1980 with (data/README.md). */
    static final String XIAN80 = "XIAN80:-118.53,62.87,47.35,1.736,-2.185,-3.114,2.618";

    @TempDir
    Path dir;

    static Path dataTarget() {
        String p = System.getProperty("basinguard.dataTarget");
        assumeTrue(p != null && Files.isDirectory(Path.of(p, "zengdu-bureau")), "the data module's bureau folder is not built");
        return Path.of(p).toAbsolutePath().normalize();
    }

    @AfterEach
    void nativeDialogsBack() {
        DataChooser.folderDialog = DataChooser::nativeFolder;
        ControlListImport.dialog = ControlListImport::nativeDialog;
        Messages.setLocale(Messages.CHINESE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFolderOpenedByItsMenuWithTheControlListChecksToTheCommandLinesFigures(FxRobot robot) throws Exception {
        Path folder = dataTarget().resolve("zengdu-bureau");
        Path list = dataTarget().resolve("zengdu-control-list.xlsx");
        sampleShown();
        DataChooser.folderDialog = w -> folder;
        robot.clickOn("文件").clickOn("打开文件夹…");
        layersOf("zengdu-bureau");
        assertTrue(stage.getTitle().contains("zengdu-bureau"), stage.getTitle());
        assertFalse(stage.getTitle().contains("示意数据"), "the Shapefiles do not say they are demonstration data");
        assertEquals(List.of("DLTB", "JCDM", "SKSM", "XMXZ", "YJJBNTTB", "流域治理单元", "生态保护红线"),
                onFx(() -> app.layers().list().getItems().stream().map(LayerInfo::name).sorted().toList()));

        // where each layer comes from: the file in the folder, the format, the .dbf encoding and how it was decided
        LayerSource dltb = source("DLTB");
        assertEquals("DLTB.shp", dltb.name());
        assertEquals("DLTB.shp · GB18030 按内容判断", dltb.line());
        assertTrue(dltb.details().contains(folder.resolve("DLTB.shp").toString()) && dltb.details().contains("格式：ESRI Shapefile")
                && dltb.details().contains("属性编码 GB18030（无 .cpg，按内容判断）"), dltb.details());
        assertEquals("流域治理单元.shp · GB18030 据 .cpg", source("流域治理单元").line());
        assertEquals("属性编码 GB18030（.cpg：936）", source("YJJBNTTB").encoding());
        assertEquals("属性编码 UTF-8（.cpg：UTF-8）", source("JCDM").encoding());
        assertEquals("SKSM.shp · ⚠ 缺七参数 · GB18030 据 .cpg", source("SKSM").line());
        assertTrue(source("SKSM").details().contains("右键“坐标转换参数…”"), source("SKSM").details());
        assertFalse(source("DLTB").needsDatumShift());
        assertTrue(app.layers().showsSourceLines(), "the rows of a folder say their files");
        assertTrue(robot.lookup(".layer-source").queryAll().stream().anyMatch(n -> n.isVisible()
                && ((javafx.scene.control.Label) n).getText().equals("DLTB.shp · GB18030 按内容判断")), "shown in the DLTB row");
        assertTrue(UserSettings.forUser().recentFiles().contains(folder), "the folder is a recent entry");
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> app.map().upToDate());
        robot.interact(() -> Screenshots.save(stage.getScene(), "bureau-folder-opened"));

        ControlListImport.dialog = w -> list;
        robot.clickOn("文件").clickOn("导入底线管控清单（Excel、CSV）…");
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> status().contains("已导入底线管控清单"));
        assertTrue(status().contains("zengdu-control-list.xlsx"), status());

        CheckReport report = WindowChecks.check(robot, app);
        String cli = WindowChecks.cliJson(dir, "check", folder.toString(), "--targets", list.toString());
        assertEquals(cli, WindowChecks.json(report), "the window's check gives the command line's figures on the same folder and list");
        assertEquals(1, report.approximateLayers().size());
        assertTrue(status().contains("1 个图层缺少七参数"), status());

        // the reservoir counts depend on the Xi'an 80 layer: marked 近似 where the figure is, and why in the tooltip
        TableView<ResultRows.IndicatorRow> indicators = robot.lookup("#result-indicators").queryAs(TableView.class);
        ResultRows.IndicatorRow reservoirs = indicators.getItems().stream().filter(r -> r.indicator().contains("中型水库")).findFirst().orElseThrow();
        assertTrue(reservoirs.approximate() && reservoirs.measured().endsWith("（近似）"), reservoirs.measured());
        ResultRows.IndicatorRow cultivated = indicators.getItems().stream().filter(r -> r.indicator().contains("耕地保有量")).findFirst().orElseThrow();
        assertFalse(cultivated.approximate() || cultivated.measured().contains("近似"), cultivated.measured());
        TableView<ResultRows.SiteRow> sites = robot.lookup("#result-sites").queryAs(TableView.class);
        assertFalse(sites.getItems().isEmpty());
        assertTrue(sites.getItems().stream().noneMatch(ResultRows.SiteRow::approximate), "the sites do not depend on the reservoirs");
        robot.interact(() -> indicators.scrollTo(reservoirs));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), "bureau-folder-checked-approximate"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSevenParametersGivenInTheLayersMenuReopenTheFolderAndTheFiguresAreExact(FxRobot robot) throws Exception {
        Path folder = dataTarget().resolve("zengdu-bureau");
        Path list = dataTarget().resolve("zengdu-control-list.xlsx");
        sampleShown();
        robot.interact(() -> app.open(folder));
        layersOf("zengdu-bureau");
        robot.interact(() -> app.importControlList(list));
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> status().contains("已导入底线管控清单"));

        // the menu offers the parameters only on layers in Xi'an 80 or Beijing 54
        LayerInfo sksm = layer("SKSM");
        robot.interact(() -> app.layers().list().scrollTo(sksm));
        javafx.scene.Node cell = robot.lookup(".list-cell").match(n -> n instanceof LayerCell c && c.getItem() == sksm).query();
        robot.moveTo(cell);
        // (Monocle's right button does not raise the context-menu request a desktop raises: raised here as the desktop would)
        robot.interact(() -> {
            var b = cell.getBoundsInLocal();
            var screen = cell.localToScreen(b.getCenterX(), b.getCenterY());
            cell.fireEvent(new javafx.scene.input.ContextMenuEvent(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    b.getCenterX(), b.getCenterY(), screen.getX(), screen.getY(), false, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("坐标转换参数…");
        DialogPane pane = dialog(robot, "坐标转换参数");
        Window window = pane.getScene().getWindow();
        javafx.scene.control.TextField field = (javafx.scene.control.TextField) pane.lookup("#datum-shift-text");
        javafx.scene.control.Label error = (javafx.scene.control.Label) pane.lookup("#datum-shift-error");
        assertEquals("XIAN80:", field.getText(), "the layer's datum is written for the user");

        // wrong sets: the parser's Chinese message under the field, the dialog stays open
        robot.interact(() -> field.setText("XIAN80:1,2,3"));
        robot.clickOn("#datum-shift-apply");
        assertTrue(window.isShowing());
        assertTrue(error.getText().contains("写法不对") && error.getText().contains("XIAN80:dx,dy,dz,rx,ry,rz,s"), error.getText());
        robot.interact(() -> field.setText("XIAN80:-118.53,62.87,47.35,1.736,-2.185,-3.114,二"));
        robot.clickOn("#datum-shift-apply");
        assertTrue(error.getText().contains("“二”不是数字"), error.getText());
        robot.interact(() -> field.setText("XIAN80:-118530,62.87,47.35,1.736,-2.185,-3.114,2.618"));
        robot.clickOn("#datum-shift-apply");
        assertTrue(error.getText().contains("超出合理范围"), error.getText());
        robot.interact(() -> field.setText("BEIJING54:-118.53,62.87,47.35,1.736,-2.185,-3.114,2.618"));
        robot.clickOn("#datum-shift-apply");
        assertTrue(error.getText().contains("1954北京坐标系") && error.getText().contains("1980西安坐标系"), error.getText());
        assertTrue(window.isShowing());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(pane.getScene(), "datum-shift-dialog-error"));

        // the seven numbers alone are for the layer's datum
        robot.interact(() -> field.setText(XIAN80.substring("XIAN80:".length())));
        robot.clickOn("#datum-shift-apply");
        assertFalse(window.isShowing());
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> source("SKSM") != null && source("SKSM").line().contains("已给七参数"));
        assertTrue(source("SKSM").details().contains(XIAN80), source("SKSM").details());

        CheckReport report = WindowChecks.check(robot, app);
        assertEquals(List.of(), report.approximateLayers());
        String cli = WindowChecks.cliJson(dir, "check", folder.toString(), "--targets", list.toString(), "--datum-shift", XIAN80);
        assertEquals(cli, WindowChecks.json(report), "with the parameters, the window's figures are the command line's");
        TableView<ResultRows.IndicatorRow> indicators = robot.lookup("#result-indicators").queryAs(TableView.class);
        assertTrue(indicators.getItems().stream().noneMatch(r -> r.approximate() || r.measured().contains("近似")));
        assertFalse(status().contains("七参数"), status());

        // the parameters can be taken back: the reservoirs are approximate again
        LayerInfo sksmAgain = layer("SKSM");
        LayerSource sksmSource = source("SKSM");
        robot.interact(() -> app.askDatumShift(sksmAgain, sksmSource));
        DialogPane again = dialog(robot, "坐标转换参数");
        assertEquals(XIAN80, ((javafx.scene.control.TextField) again.lookup("#datum-shift-text")).getText(), "the parameters given are shown");
        robot.clickOn("清除参数");
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> source("SKSM") != null && source("SKSM").line().contains("⚠ 缺七参数"));
    }

    @Test
    void aBadControlListIsItsOneLineInAChineseDialogAndTheChecksKeepTheirTargets(FxRobot robot) throws Exception {
        Path folder = dataTarget().resolve("zengdu-bureau");
        sampleShown();
        robot.interact(() -> app.open(folder));
        layersOf("zengdu-bureau");
        Path csv = dir.resolve("清单.csv");
        Files.writeString(csv, "流域治理单元,指标名称,目标值,计量单位\n涢水片区,耕地保有量,31.26,万亩\n漂水片区,永久基本农田面积,21.87,万亩\n");
        robot.interact(() -> app.importControlList(csv));
        DialogPane pane = dialog(robot, "无法导入底线管控清单");
        String text = pane.getContentText();
        assertTrue(text.contains("第 3 行") && text.contains("漂水片区") && text.contains("清单.csv"), text);
        assertFalse(text.contains("\n") || text.contains("Exception") || text.contains("at cn."), "one line, no stack trace: " + text);
        robot.interact(() -> pane.getScene().getWindow().hide());
        robot.interact(() -> Screenshots.save(stage.getScene(), "control-list-bad"));

        Files.writeString(csv, "单元名,指标,数\n涢水片区,耕地保有量,31.26\n");
        robot.interact(() -> app.importControlList(csv));
        DialogPane header = dialog(robot, "无法导入底线管控清单");
        assertTrue(header.getContentText().contains("表头"), header.getContentText());
        robot.interact(() -> header.getScene().getWindow().hide());

        Files.writeString(csv, "流域治理单元,指标名称,目标值\n涢水片区,耕地保有量,约三十万\n");
        robot.interact(() -> app.importControlList(csv));
        DialogPane number = dialog(robot, "无法导入底线管控清单");
        assertTrue(number.getContentText().contains("第 2 行") && number.getContentText().contains("约三十万"), number.getContentText());
        robot.interact(() -> number.getScene().getWindow().hide());
        assertFalse(status().contains("已导入"), "no list was taken: " + status());

        // a good list after the bad ones is taken
        Files.writeString(csv, "流域治理单元,指标名称,目标值,计量单位\n涢水片区,耕地保有量,31.26,万亩\n");
        robot.interact(() -> app.importControlList(csv));
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> status().contains("已导入底线管控清单“清单.csv”（1 条指标）"));
        CheckReport report = WindowChecks.check(robot, app);
        assertEquals(1, report.units().stream().mapToLong(u -> u.indicators().stream().filter(i -> i.target() != null).count()).sum(),
                "the checks judge by the imported list");
    }

    @Test
    void aDroppedFolderOpensItsProblemsAreSaidOnceAndADroppedShapefileOpensAlone(FxRobot robot) throws Exception {
        Path bureau = dataTarget().resolve("zengdu-bureau");
        Path copy = Files.createDirectory(dir.resolve("曾都区自然资源局"));
        try (var files = Files.list(bureau)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Files.delete(copy.resolve("JCDM.prj"));
        Files.delete(copy.resolve("DLTB.shx"));
        sampleShown();
        drop(robot, copy.toFile());
        layersOf("曾都区自然资源局");
        DialogPane pane = dialog(robot, "数据提示");
        assertTrue(pane.getHeaderText().contains("曾都区自然资源局") && pane.getHeaderText().contains("2 个问题"), pane.getHeaderText());
        String text = ((TextArea) pane.lookup("#source-warnings")).getText();
        assertEquals(2, text.lines().count(), text);
        assertTrue(text.contains("“JCDM.shp”缺少 .prj") && text.contains("“DLTB.shp”缺少 .shx"), text);
        robot.interact(() -> Screenshots.save(pane.getScene(), "source-warnings-dialog"));
        robot.interact(() -> pane.getScene().getWindow().hide());
        assertEquals("JCDM.shp · ⚠ 1 个问题 · UTF-8 据 .cpg", source("JCDM").line());
        assertTrue(source("DLTB").details().contains("缺少 .shx"), source("DLTB").details());

        // opened again (as after giving parameters), the same problems are not said again
        var before = app.map().contentProperty().get();
        robot.interact(() -> app.open(copy));
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> app.map().contentProperty().get() != before);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialogs(robot).isEmpty(), "said once");

        drop(robot, bureau.resolve("DLTB.shp").toFile());
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> stage.getTitle().contains("DLTB.shp"));
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> app.layers().list().getItems().size() == 1);
        assertEquals("DLTB.shp · GB18030 按内容判断", source("DLTB").line());
        assertFalse(app.layers().showsSourceLines(), "one file is named in the title bar");
    }

    /** A red line delivered in Xi'an 80 (its .prj says so): every site's verdict and the conflicts are approximate. */
    @Test
    @SuppressWarnings("unchecked")
    void aRedLineInXian80MarksTheSitesVerdictsAndTheConflictsApproximate(FxRobot robot) throws Exception {
        Path bureau = dataTarget().resolve("zengdu-bureau");
        Path copy = Files.createDirectory(dir.resolve("bureau"));
        try (var files = Files.list(bureau)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Files.copy(bureau.resolve("SKSM.prj"), copy.resolve("生态保护红线.prj"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        sampleShown();
        robot.interact(() -> app.open(copy));
        layersOf("bureau");
        assertTrue(source("生态保护红线").line().contains("⚠ 缺七参数"), source("生态保护红线").line());
        CheckReport report = WindowChecks.check(robot, app);
        assertEquals(2, report.approximateLayers().size());
        javafx.scene.control.TabPane results = robot.lookup("#results").queryAs(javafx.scene.control.TabPane.class);
        assertTrue(results.getTabs().get(2).getText().contains("近似"), results.getTabs().get(2).getText());
        robot.interact(() -> results.getSelectionModel().select(1));
        TableView<ResultRows.SiteRow> sites = robot.lookup("#result-sites").queryAs(TableView.class);
        assertTrue(!sites.getItems().isEmpty() && sites.getItems().stream().allMatch(ResultRows.SiteRow::approximate));
        assertTrue(sites.getItems().get(0).reasons().contains("生态保护红线.shp") && sites.getItems().get(0).reasons().contains("七参数"),
                sites.getItems().get(0).reasons());
        WaitForAsyncUtils.waitForFxEvents();
        var verdicts = robot.lookup(n -> n instanceof ResultsPane.StatusCell<?, ?> c && c.getTableView() == sites && !c.isEmpty())
                .queryAllAs(ResultsPane.StatusCell.class);
        assertFalse(verdicts.isEmpty());
        assertTrue(verdicts.stream().allMatch(c -> c.getText().endsWith("（近似）")),
                verdicts.stream().map(c -> c.getText()).toList().toString());
        robot.interact(() -> Screenshots.save(stage.getScene(), "bureau-folder-redline-xian80-sites"));
    }

    // ---- helpers ----

    private void sampleShown() throws Exception {
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> app.map().contentProperty().get() != null && !app.layers().list().getItems().isEmpty()));
    }

    /**
     * Reads the window's state on the JavaFX thread: the layer list changes there while a source opens (and its rows
     * are counted in the background), and a stream over it from the test's thread can meet it mid-change.
     */
    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return FxWait.read(read);
    }

    /** Waits until the layers of the opened folder are listed with their sources. */
    private void layersOf(String folderName) throws Exception {
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> app.layers().list().getItems().stream()
                .anyMatch(l -> app.layers().sourceOf(l) != null && app.layers().sourceOf(l).location().contains("/" + folderName + "/"))));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private LayerInfo layer(String name) throws Exception {
        return onFx(() -> app.layers().list().getItems().stream().filter(l -> l.name().equals(name)).findFirst().orElse(null));
    }

    private LayerSource source(String name) throws Exception {
        return onFx(() -> {
            LayerInfo l = layer(name);
            return l == null ? null : app.layers().sourceOf(l);
        });
    }

    private String status() {
        return ((javafx.scene.control.Label) stage.getScene().lookup("#status")).getText();
    }


    private static List<DialogPane> dialogs(FxRobot robot) {
        return robot.listWindows().stream().filter(Window::isShowing)
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .map(w -> (DialogPane) w.getScene().getRoot()).toList();
    }

    /** The dialog whose title or header says {@code text}, once it is shown. */
    private static DialogPane dialog(FxRobot robot, String text) throws Exception {
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> dialogs(robot).stream().anyMatch(d -> says(d, text)));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane d = dialogs(robot).stream().filter(p -> says(p, text)).findFirst().orElseThrow();
        assertNotNull(d);
        return d;
    }

    private static boolean says(DialogPane d, String text) {
        String title = d.getScene().getWindow() instanceof Stage s ? s.getTitle() : null;
        return title != null && title.contains(text) || d.getHeaderText() != null && d.getHeaderText().contains(text);
    }

    private void drop(FxRobot robot, File file) {
        boolean[] taken = new boolean[1];
        robot.interact(() -> taken[0] = DroppedFiles.drop(stage.getScene(), file));
        assertTrue(taken[0], "the window takes the drop");
    }
}
