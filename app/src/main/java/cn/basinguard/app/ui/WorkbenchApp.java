package cn.basinguard.app.ui;

import cn.basinguard.core.GisException;
import cn.basinguard.core.gpkg.LayerInfo;
import java.nio.file.Path;
import java.util.List;
import cn.basinguard.core.check.CheckReport;
import java.util.Map;
import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.locationtech.jts.geom.Geometry;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The BasinGuard main window. It opens the Zengdu sample (or the file given on the command line) at once, reading it
 * on a worker thread; the map, checks and sheets panels are built on this frame (issues 5–7).
 */
public final class WorkbenchApp extends Application {
    /** The data as last read: its layers and where each comes from; null until the first open has been read. */
    private DatasetSummary opened;
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button(UiText.get("check.cancel"));
    private final Button runChecks = new Button(UiText.get("check.run"));
    private final ObjectProperty<Geometry> selection = new SimpleObjectProperty<>();
    private final MapCanvas map = new MapCanvas();
    private final LayersPanel layers = new LayersPanel(map.contentProperty(), new LayersPanel.Actions() {
        @Override
        public void zoomTo(org.locationtech.jts.geom.Envelope e) {
            map.zoomTo(e);
        }

        @Override
        public void openAttributes(LayerInfo layer) {
            WorkbenchApp.this.openAttributes(layer);
        }

        @Override
        public void failed(String header, Throwable e) {
            error(header, e);
        }

        @Override
        public Map<Long, String> labelTexts(LayerInfo layer, String field) {
            List<cn.basinguard.core.gpkg.Feature> inMemory = importedRows.get(layer.name());
            if (inMemory != null) {
                Map<Long, String> out = new java.util.HashMap<>();
                inMemory.forEach(f -> {
                    Object v = f.attributes().get(field);
                    if (v != null) {
                        out.put(f.fid(), v.toString());
                    }
                });
                return out;
            }
            try (cn.basinguard.core.source.DataSource src = opened.openLayer(layer.name())) {
                return cn.basinguard.core.map.MapLayers.labelTexts(src, layer.name(), field);
            }
        }

        @Override
        public void datumShift(LayerInfo layer, LayerSource source) {
            askDatumShift(layer, source);
        }
    });
    /** The features of layers shown on the map but not read from the file (imported or drawn sites), in the map CRS. */
    private final Map<String, List<cn.basinguard.core.gpkg.Feature>> importedRows = new java.util.HashMap<>();
    private final Label measured = new Label();
    private final javafx.scene.control.ToggleGroup tools = new javafx.scene.control.ToggleGroup();
    private final Label cursor = new Label();
    private cn.basinguard.core.crs.Crs selectionCrs;
    private final ResultsPane results = new ResultsPane(g -> select(g, reportCrs(), true), this::chooseExportFolder);
    private final ObjectProperty<CheckReport> report = new SimpleObjectProperty<>();
    private final UserSettings settings = UserSettings.forUser();
    private final Menu recent = new Menu(UiText.get("menu.file.recent"));
    /** What is open: files, folders, seven parameters, control list. */
    private OpenedData data;
    private final SourceWarnings sourceWarnings;
    private Stage stage;

    public WorkbenchApp() {
        sourceWarnings = new SourceWarnings();
    }

    private WorkbenchApp(OpenedData data, SourceWarnings said) {
        this.data = data;
        this.sourceWarnings = said;
        this.reopen = true;
    }

    private boolean reopen;

    @Override
    public void start(Stage stage) {
        DesktopFonts.install();
        if (!reopen) {
            cn.basinguard.core.i18n.Messages.setLocale(java.util.Locale.forLanguageTag(settings.language()));
        }
        // after the language is set: the first number formatted loads that locale's number data, which the warm-up
        // is there to load off the JavaFX thread (warmed in the JVM's default locale, it left zh_CN's to the first
        // layer row: a 38 ms block as the county file opened)
        StyleSwatch.warmUpInBackground();
        FirstUses.warmUpInBackground();
        this.stage = stage;
        // an error no task caught (memory run out while JavaFX lays out a county's table, a defect) is said in a dialog:
        // JavaFX only printed it, and the window went on as if nothing had happened
        Thread.setDefaultUncaughtExceptionHandler(this::uncaught);
        BorderPane root = new BorderPane();
        runChecks.setId("run-checks");
        runChecks.setOnAction(e -> runChecks());
        root.setTop(new VBox(menuBar(), toolBar()));
        results.setId("results");
        map.setOnCursor(p -> {
            lastCursor = p;
            cursor.setText(MapStatus.describe(map.contentProperty().get(), map.viewportProperty().get(), p.getX(), p.getY()));
        });
        // the scale in the status bar follows every zoom, not only the next mouse move; a pan changes neither the scale
        // nor the point last described (coordinates follow the mouse), so it leaves the text alone: no coordinate
        // transform and three String.format at each step of a drag, on the JavaFX thread
        map.viewportProperty().addListener((o, a, vp) -> {
            boolean zoomed = a == null || vp == null || a.unitsPerPixel() != vp.unitsPerPixel();
            if (zoomed && lastCursor != null && vp != null && map.contentProperty().get() != null) {
                cursor.setText(MapStatus.describe(map.contentProperty().get(), vp, lastCursor.getX(), lastCursor.getY()));
            }
        });
        map.setOnMapClick(p -> identify(p.getX(), p.getY()));
        map.setOnFrameShown(this::imageryProblems);
        map.setOnSketch(this::sketchChanged);
        selection.addListener((o, a, g) -> showSelection(g));
        measured.setId("measure-result");
        measured.setMouseTransparent(true);
        measured.setVisible(false);
        measured.setStyle("-fx-background-color: rgba(255,255,255,0.88); -fx-padding: 4 8 4 8; -fx-border-color: #ff6600;");
        javafx.scene.layout.StackPane mapArea = new javafx.scene.layout.StackPane(map, measured);
        javafx.scene.layout.StackPane.setAlignment(measured, javafx.geometry.Pos.TOP_LEFT);
        javafx.scene.layout.StackPane.setMargin(measured, new javafx.geometry.Insets(8));
        SplitPane main = new SplitPane(layers, mapArea);
        main.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(layers, false);
        SplitPane centre = new SplitPane(main, results);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.55);
        root.setCenter(centre);
        root.setLeft(null);
        root.setBottom(statusBar());
        // the size comes from the saved placement or the screen (placeWindow); a language switch keeps the window's
        Scene old = stage.getScene();
        Scene scene = reopen && old != null ? new Scene(root, old.getWidth(), old.getHeight()) : new Scene(root);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("basinguard.css").toExternalForm());
        acceptDroppedFiles(scene);
        stage.setTitle(UiText.get("app.title"));
        stage.setScene(scene);
        if (!reopen) {
            placeWindow();
        }
        stage.show();
        if (reopen) {
            open(data);
        } else {
            open(initialFile());
        }
    }

    /** Closes the connection to a database when the window goes. */
    @Override
    public void stop() {
        closeDatabase(null);
    }

    /** The saved placement when it is on a screen that is there, else one fitted to the primary screen. */
    private void placeWindow() {
        double[] b = settings.windowBounds();
        if (b != null && !javafx.stage.Screen.getScreensForRectangle(b[0], b[1], b[2], b[3]).isEmpty()) {
            stage.setX(b[0]);
            stage.setY(b[1]);
            stage.setWidth(b[2]);
            stage.setHeight(b[3]);
            stage.setMaximized(settings.maximized());
        } else {
            WindowPlacement p = WindowPlacement.firstStart(javafx.stage.Screen.getPrimary().getVisualBounds());
            stage.setX(p.x());
            stage.setY(p.y());
            stage.setWidth(p.width());
            stage.setHeight(p.height());
            stage.setMaximized(p.maximized());
        }
        stage.setOnCloseRequest(e -> settings.saveWindow(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized()));
    }

    private void acceptDroppedFiles(Scene scene) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            var files = e.getDragboard().getFiles();
            boolean ok = !files.isEmpty();
            if (ok) {
                // folders, GeoPackages and Shapefiles open together as data; a coordinate file is project sites
                List<Path> dropped = DataChooser.dataOf(files);
                if (!dropped.isEmpty()) {
                    open(OpenedData.of(dropped));
                } else {
                    importSites(files.get(0).toPath());
                }
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private ToolBar toolBar() {
        javafx.scene.control.ToggleButton browse = toolButton(MapTool.BROWSE, "tool.browse");
        javafx.scene.control.ToggleButton length = toolButton(MapTool.MEASURE_LENGTH, "tool.measureLength");
        javafx.scene.control.ToggleButton area = toolButton(MapTool.MEASURE_AREA, "tool.measureArea");
        javafx.scene.control.ToggleButton draw = toolButton(MapTool.DRAW_SITE, "tool.drawSite");
        browse.setSelected(true);
        tools.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                a.setSelected(true);
            } else {
                map.toolProperty().set((MapTool) t.getUserData());
            }
        });
        Button full = new Button(UiText.get("menu.view.full"));
        full.setOnAction(e -> map.fullExtent());
        return new ToolBar(runChecks, new javafx.scene.control.Separator(), browse, length, area, draw,
                new javafx.scene.control.Separator(), full, new Label(UiText.get("scale.label")), scaleBox());
    }

    /** 比例尺: the map's scale, shown as it changes and set by choosing or typing 1:N. */
    private javafx.scene.control.ComboBox<String> scaleBox() {
        javafx.scene.control.ComboBox<String> box = new javafx.scene.control.ComboBox<>();
        box.setId("scale");
        box.setEditable(true);
        box.setPrefWidth(130);
        for (int n : new int[] {2_000, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000}) {
            box.getItems().add(MapScale.format(n));
        }
        map.viewportProperty().addListener((o, a, vp) -> {
            var c = map.contentProperty().get();
            if (vp != null && c != null && !box.getEditor().isFocused()) {
                String scale = MapScale.format(vp.scaleDenominator(c.crs(), MapScale.SCREEN_DPI));
                // a pan keeps the scale: setting the same text again would still lay the tool bar out at every drag
                if (!scale.equals(box.getEditor().getText())) {
                    box.getEditor().setText(scale);
                }
            }
        });
        box.setOnAction(e -> {
            var c = map.contentProperty().get();
            var vp = map.viewportProperty().get();
            Double n = MapScale.parse(box.getValue());
            if (c == null || vp == null) {
                return;
            }
            if (n == null) {
                box.getEditor().setText(MapScale.format(vp.scaleDenominator(c.crs(), MapScale.SCREEN_DPI)));
                return;
            }
            map.viewportProperty().set(vp.atScale(n, c.crs(), MapScale.SCREEN_DPI));
            map.requestFocus();
        });
        return box;
    }

    private javafx.scene.control.ToggleButton toolButton(MapTool tool, String key) {
        javafx.scene.control.ToggleButton b = new javafx.scene.control.ToggleButton(UiText.get(key));
        b.setId("tool-" + tool.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        b.setUserData(tool);
        b.setToggleGroup(tools);
        b.setTooltip(new javafx.scene.control.Tooltip(UiText.get(key + ".tip")));
        return b;
    }

    /** The print window for the map as shown (visible layers, order, styles); null when there is nothing to print. */
    PrintWindow openPrintWindow() {
        var content = map.contentProperty().get();
        if (content == null || AtlasJob.unitNames(content).isEmpty()) {
            Alert a = new Alert(Alert.AlertType.INFORMATION, UiText.get("print.noUnits"));
            a.setHeaderText(null);
            a.show();
            return null;
        }
        PrintWindow w = new PrintWindow(stage, content, displayName, district, demonstration);
        w.show();
        return w;
    }

    /** Picks a map tool as the tool bar does. */
    void useTool(MapTool tool) {
        tools.getToggles().stream().filter(t -> t.getUserData() == tool).findFirst().ifPresent(t -> t.setSelected(true));
    }

    /** Measuring: the running figure over the map. Drawing a site: when finished, the site is named and checked. */
    private void sketchChanged(SketchOverlay sketch) {
        MapTool tool = map.toolProperty().get();
        var content = map.contentProperty().get();
        measured.setVisible(tool != MapTool.BROWSE);
        if (tool == MapTool.BROWSE || content == null) {
            return;
        }
        List<org.locationtech.jts.geom.Coordinate> points = sketch.points(true);
        if (tool == MapTool.DRAW_SITE) {
            measured.setText(points.size() < 3 ? UiText.get("draw.hint") : MeasureText.of(MapTool.MEASURE_AREA, points, content.crs()));
            if (sketch.finished() && sketch.points(false).size() >= 3) {
                drawnSite(sketch.points(false), content.crs());
            }
            return;
        }
        measured.setText(MeasureText.of(tool, points, content.crs()));
    }

    /** A site drawn on the map: named by the user, then checked like an imported one. */
    private void drawnSite(List<org.locationtech.jts.geom.Coordinate> corners, cn.basinguard.core.crs.Crs crs) {
        List<org.locationtech.jts.geom.Coordinate> ring = new java.util.ArrayList<>(corners);
        ring.add(corners.get(0));
        Geometry polygon = new org.locationtech.jts.geom.GeometryFactory().createPolygon(ring.toArray(new org.locationtech.jts.geom.Coordinate[0]));
        if (!polygon.isValid()) {
            Alert a = new Alert(Alert.AlertType.WARNING, UiText.get("draw.invalid"));
            a.setHeaderText(UiText.get("draw.title"));
            a.show();
            return;
        }
        javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog(UiText.get("draw.defaultName", ++drawnCount));
        ask.setTitle(UiText.get("draw.title"));
        ask.setHeaderText(UiText.get("draw.askName"));
        ask.showAndWait().filter(n -> !n.isBlank()).ifPresent(name -> {
            var site = new cn.basinguard.core.importer.ImportedSite(name.strip(), "D" + drawnCount, Map.of(), polygon, null);
            checkImported(new cn.basinguard.core.importer.ImportedSites(Path.of(UiText.get("draw.source")), crs, List.of(site), List.of()));
            map.sketch().clear();
        });
    }

    private int drawnCount;
    private javafx.geometry.Point2D lastCursor;
    private boolean demonstration;
    private String displayName;
    private String district;
    /** The sites last imported or drawn, and their CRS, for 保存项目选址. */
    private cn.basinguard.core.importer.ImportedSites lastSites;

    /** Puts imported or drawn sites on the map as a layer of their own, on top, listed in the layers panel; zooms to them. */
    private void showSitesOnMap(cn.basinguard.core.importer.ImportedSites sites) {
        var content = map.contentProperty().get();
        if (content == null) {
            return;
        }
        ImportedLayer imported = ImportedLayer.of(sites, content.crs());
        String table = imported.layer().table();
        List<cn.basinguard.core.map.MapLayer> all = new java.util.ArrayList<>(content.layers());
        all.removeIf(l -> l.table().equals(table));
        all.add(imported.layer());
        importedRows.put(table, imported.rows());
        map.contentProperty().set(new cn.basinguard.core.map.MapContent(content.crs(), all));
        layers.addLayer(imported.info(), "XMMC");
        map.zoomTo(imported.layer().extent());
    }

    /** Saves the last imported or drawn sites into a GeoPackage the user picks: a new file, or a new layer of a working file. */
    private void chooseSaveSites() {
        if (lastSites == null || lastSites.sites().isEmpty()) {
            Alert a = new Alert(Alert.AlertType.INFORMATION, UiText.get("save.nothing"));
            a.setHeaderText(null);
            a.show();
            return;
        }
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(UiText.get("menu.file.saveSites"));
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("GeoPackage (*.gpkg)", "*.gpkg"));
        chooser.setInitialFileName(UiText.get("save.defaultFile"));
        java.io.File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog(UiText.get("save.defaultLayer"));
        ask.setHeaderText(UiText.get("save.askLayer", f.getName()));
        ask.showAndWait().filter(n -> !n.isBlank()).ifPresent(layer -> saveSites(f.toPath(), layer.strip()));
    }

    /** Writes {@link #lastSites} off the JavaFX thread; the open data files are refused, whatever the user picked. */
    Task<Void> saveSites(Path target, String layer) {
        cn.basinguard.core.importer.ImportedSites sites = lastSites;
        List<Path> dataFiles = opened == null ? List.of() : opened.files();
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() throws Exception {
                for (Path f : dataFiles) {
                    if (java.nio.file.Files.exists(target) && java.nio.file.Files.isSameFile(target, f)) {
                        throw new GisException("import.store.openData", target.getFileName());
                    }
                }
                cn.basinguard.core.importer.SiteStore.save(sites, sites.crs(), target, layer);
                return null;
            }
        };
        task.setOnSucceeded(e -> setStatus(UiText.get("save.done", sites.sites().size(), target, layer)));
        task.setOnFailed(e -> error(UiText.get("save.failed"), task.getException()));
        Background.run(task, "save-sites");
        return task;
    }

    /** 输入坐标: boundary points typed or pasted (e.g. from a land-approval document), checked as one site. */
    private void pasteCoordinates() {
        javafx.scene.control.Dialog<String[]> d = new javafx.scene.control.Dialog<>();
        d.setTitle(UiText.get("paste.title"));
        d.setHeaderText(UiText.get("paste.header"));
        javafx.scene.control.TextField name = new javafx.scene.control.TextField(UiText.get("draw.defaultName", drawnCount + 1));
        javafx.scene.control.TextArea text = new javafx.scene.control.TextArea();
        text.setId("paste-text");
        text.setPromptText("J1,3519520.17,38440025.31\nJ2,3519620.17,38440025.31\nJ3,3519620.17,38440125.31");
        text.setPrefRowCount(14);
        d.getDialogPane().setContent(new VBox(6, new Label(UiText.get("draw.askName")), name, new Label(UiText.get("paste.points")), text));
        d.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        d.setResultConverter(b -> b == javafx.scene.control.ButtonType.OK ? new String[] {name.getText(), text.getText()} : null);
        d.showAndWait().ifPresent(r -> checkPasted(r[1], r[0]));
    }

    /** Reads pasted points as one site and checks it; problems and an unknown CRS are handled as for imported files. */
    void checkPasted(String text, String name) {
        drawnCount++;
        try {
            checkImported(cn.basinguard.core.importer.PastedCoordinates.parse(text, name.isBlank() ? UiText.get("draw.defaultName", drawnCount) : name.strip()));
        } catch (GisException e) {
            error(UiText.get("paste.title"), e);
        }
    }

    /** 导入项目选址: a TXT, Shapefile, GeoJSON or KML of project sites, checked at once against the open data. */
    private void chooseSites() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(UiText.get("menu.file.importSites"));
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(UiText.get("import.filter"),
                "*.txt", "*.TXT", "*.shp", "*.SHP", "*.geojson", "*.json", "*.kml", "*.KML"));
        java.io.File f = chooser.showOpenDialog(stage);
        if (f != null) {
            importSites(f.toPath());
        }
    }

    /** Reads the sites off the JavaFX thread, asks for the CRS when the file cannot tell it, then runs the checks. */
    void importSites(Path file) {
        Task<cn.basinguard.core.importer.ImportedSites> read = new Task<>() {
            @Override
            protected cn.basinguard.core.importer.ImportedSites call() {
                return cn.basinguard.core.importer.SiteImporter.read(file);
            }
        };
        read.setOnSucceeded(e -> checkImported(read.getValue()));
        read.setOnFailed(e -> error(UiText.get("import.failed"), read.getException()));
        Background.run(read, "import-sites");
    }

    private void checkImported(cn.basinguard.core.importer.ImportedSites imported) {
        if (!imported.problems().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            imported.problems().forEach(p -> sb.append(p).append('\n'));
            Alert warn = new Alert(Alert.AlertType.WARNING, sb.toString());
            warn.setHeaderText(UiText.get("import.problems", imported.sourceName()));
            warn.show();
        }
        if (imported.sites().isEmpty()) {
            return;
        }
        cn.basinguard.core.crs.Crs crs = imported.crs();
        if (crs == null) {
            javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog("4526");
            ask.setHeaderText(UiText.get("import.askCrs", imported.sourceName()));
            var answer = ask.showAndWait();
            if (answer.isEmpty()) {
                return;
            }
            try {
                crs = cn.basinguard.core.crs.CrsRegistry.fromEpsg(Integer.parseInt(answer.get().replaceAll("(?i)^EPSG:", "").strip()));
            } catch (NumberFormatException | GisException ex) {
                error(UiText.get("import.failed"), ex instanceof GisException g ? g : new GisException("crs.unknown", answer.get()));
                return;
            }
        }
        lastSites = new cn.basinguard.core.importer.ImportedSites(imported.source(), crs, imported.sites(), imported.problems());
        showSitesOnMap(lastSites);
        var layer = imported.toRoleLayer();
        runChecks(new cn.basinguard.core.check.RoleLayer(layer.role(), layer.source(), crs, layer.features()));
        results.getSelectionModel().select(1);
    }

    private void chooseFile() {
        List<Path> files = DataChooser.chooseFiles(stage);
        if (!files.isEmpty()) {
            open(OpenedData.of(files));
        }
    }

    /** 导入底线管控清单: read and held against the data's units off the JavaFX thread; the checks then take its targets. */
    void importControlList(Path file) {
        Task<ControlListImport.Imported> task = ControlListImport.task(data, file);
        task.setOnSucceeded(e -> {
            data = data.withControlList(file);
            report.set(null);
            results.clear();
            district = task.getValue().district() != null ? task.getValue().district() : district;
            setStatus(UiText.get("controlList.done", file.getFileName(), task.getValue().targets()));
        });
        task.setOnFailed(e -> error(UiText.get("controlList.failed"), task.getException()));
        Background.run(task, "control-list");
    }

    /** 坐标转换参数…: the seven parameters for the layer's datum; the data is reopened with them. */
    DatumShiftDialog askDatumShift(LayerInfo layer, LayerSource source) {
        if (source == null || !source.needsDatumShift()) {
            return null;
        }
        var datum = source.crs().datum();
        DatumShiftDialog d = new DatumShiftDialog(stage, source.name(), source, data.datumShift(datum));
        d.resultProperty().addListener((o, a, answer) -> {
            if (answer != null) {
                reopenWith(data.withDatumShift(datum, answer.orElse(null)));
            }
        });
        d.show();
        return d;
    }

    /**
     * Opens the same data with other options. A connected database is connected again with them (its layers' CRSs are
     * read when it connects), off the JavaFX thread and with the password it was opened with, which the user is not
     * asked again.
     */
    private void reopenWith(OpenedData d) {
        if (!(d.database() instanceof cn.basinguard.core.source.pg.PostGisSource db)) {
            open(d);
            return;
        }
        Task<cn.basinguard.core.source.DataSource> task = new Task<>() {
            @Override
            protected cn.basinguard.core.source.DataSource call() {
                cn.basinguard.core.source.DataSource again = db.reopen(d.options());
                again.countRows(); // the layer list shows the counts
                return again;
            }
        };
        task.setOnSucceeded(e -> open(new OpenedData(d.paths(), d.sample(), d.options(), d.controlList(), task.getValue(), new LoadedModel())));
        task.setOnFailed(e -> error(UiText.get("dialog.connectFailed"), task.getException()));
        Background.run(task, "reconnect-database");
    }

    private void refreshRecent() {
        recent.getItems().clear();
        for (Path p : settings.recentFiles()) {
            MenuItem item = new MenuItem(p.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> open(p));
            recent.getItems().add(item);
        }
        // databases by their address, which holds no password: it is asked again
        for (String uri : settings.recentDatabases()) {
            MenuItem item = new MenuItem(UiText.get("menu.file.recentDatabase", uri));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> chooseDatabase(cn.basinguard.core.source.pg.PgAddress.parse(uri)));
            recent.getItems().add(item);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    /** 连接空间数据库: asks for the address and password, then connects off the JavaFX thread. */
    void chooseDatabase(cn.basinguard.core.source.pg.PgAddress last) {
        if (last == null && !settings.recentDatabases().isEmpty()) {
            last = cn.basinguard.core.source.pg.PgAddress.parse(settings.recentDatabases().get(0));
        }
        DatabaseDialog.ask(stage, last).ifPresent(r -> openDatabase(r.address(), r.password()));
    }

    /**
     * Connects to a PostGIS schema off the JavaFX thread and opens it like a file, as a connected database among the
     * kinds of {@link OpenedData}; {@code password} null takes it from PGPASSWORD or the password file (the address
     * opened through the data sources, as the command line opens it). The password goes to the connection and nowhere
     * else.
     */
    Task<cn.basinguard.core.source.DataSource> openDatabase(cn.basinguard.core.source.pg.PgAddress address, String password) {
        setStatus(UiText.get("status.connecting", address.uri()));
        Task<cn.basinguard.core.source.DataSource> task = new Task<>() {
            @Override
            protected cn.basinguard.core.source.DataSource call() {
                cn.basinguard.core.source.DataSource db = password == null
                        ? cn.basinguard.core.source.DataSources.open(address.uri(), cn.basinguard.core.source.SourceOptions.DEFAULT).sources().get(0)
                        : cn.basinguard.core.source.pg.PostGisSource.open(address, password, cn.basinguard.core.source.SourceOptions.DEFAULT);
                // the layer list shows each layer's count: exact, counted here off the JavaFX thread
                try {
                    db.countRows();
                } catch (RuntimeException e) {
                    db.close();
                    throw e;
                }
                return db;
            }
        };
        task.setOnSucceeded(e -> {
            settings.addRecentDatabase(address);
            refreshRecent();
            open(OpenedData.database(task.getValue(), cn.basinguard.core.source.SourceOptions.DEFAULT));
        });
        task.setOnFailed(e -> {
            setStatus(UiText.get("status.failed"));
            error(UiText.get("dialog.connectFailed"), task.getException());
        });
        Background.run(task, "connect-database");
        return task;
    }

    /** Closes the loaded model of the data open before unless it is {@code keep} (the data opened next's). */
    private void closeModel(LoadedModel keep) {
        LoadedModel old = data == null ? null : data.model();
        if (old != null && old != keep) {
            closeLater(old::close, "close-model");
        }
    }

    /** Closes the connected database unless it is {@code keep} (the data opened next). */
    private void closeDatabase(cn.basinguard.core.source.DataSource keep) {
        cn.basinguard.core.source.DataSource old = data == null ? null : data.database();
        if (old != null && old != keep) {
            closeLater(old::close, "close-database");
        }
    }

    /** Closes what the window let go off the JavaFX thread (a file's or a connection's close may wait). */
    private static void closeLater(Runnable close, String name) {
        Background.run(new Task<Void>() {
            @Override
            protected Void call() {
                close.run();
                return null;
            }
        }, name);
    }

    /** 制作离线数据包: asks for the area and the file, then makes and verifies the pack off the JavaFX thread. */
    void choosePack() {
        var content = map.contentProperty().get();
        if (content == null) {
            return;
        }
        var vp = map.viewportProperty().get();
        String base = data != null && data.database() instanceof cn.basinguard.core.source.pg.PostGisSource db
                ? db.address().database() + "-" + db.address().schema()
                : displayName == null ? "data" : displayName.replaceFirst("(?i)\\.gpkg$", "");
        Path suggested = Path.of(System.getProperty("user.home"), base + "-离线数据包.gpkg");
        PackDialog.ask(stage, AtlasJob.unitNames(content), vp == null ? null : vp.envelope(), content.crs(), suggested)
                .ifPresent(r -> makePack(r.area(), r.out()));
    }

    /** Makes an offline pack of {@code area} of the open data into {@code out}, with progress; says what it holds. */
    PackTask makePack(cn.basinguard.core.pack.PackArea area, Path out) {
        PackTask task = new PackTask(data, area, out);
        progress.progressProperty().bind(task.progressProperty());
        status.textProperty().bind(task.messageProperty());
        progress.setVisible(true);
        cancel.setVisible(true);
        cancel.setOnAction(e -> task.cancel());
        task.setOnSucceeded(e -> {
            endRun();
            status.setText(UiText.get("pack.done.status", task.getValue().file()));
            Alert a = new Alert(Alert.AlertType.INFORMATION, PackTask.summary(task.getValue()));
            a.setTitle(UiText.get("pack.title"));
            a.setHeaderText(UiText.get("pack.done.header"));
            a.getDialogPane().setMinWidth(560);
            a.show();
        });
        task.setOnCancelled(e -> {
            endRun();
            status.setText(UiText.get("pack.cancelled"));
        });
        task.setOnFailed(e -> {
            endRun();
            status.setText(UiText.get("pack.failed"));
            error(UiText.get("pack.failed"), task.getException());
        });
        Background.run(task, "offline-pack");
        return task;
    }

    /** Rebuilds the window in the other language, keeping the open file. */
    private void switchLanguage(String language) {
        settings.setLanguage(language);
        cn.basinguard.core.i18n.Messages.setLocale(java.util.Locale.forLanguageTag(language));
        new WorkbenchApp(data, sourceWarnings).start(stage);
    }

    private HBox statusBar() {
        status.setId("status");
        progress.setId("progress");
        cancel.setId("cancel-checks");
        progress.setVisible(false);
        cancel.setVisible(false);
        cursor.setId("cursor");
        HBox bar = new HBox(8, status, progress, cancel, cursor);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        bar.setStyle("-fx-padding: 2 6 2 6;");
        return bar;
    }

    /** Runs every check on the open data in the background, with progress and a cancel button; the window stays live. */
    void runChecks() {
        runChecks(null);
    }

    /** Runs every check, with {@code sites} (imported project sites) in place of the file's own when not null. */
    void runChecks(cn.basinguard.core.check.RoleLayer sites) {
        CheckTask task = new CheckTask(data, Map.of(), sites);
        progress.progressProperty().bind(task.progressProperty());
        status.textProperty().bind(task.messageProperty());
        progress.setVisible(true);
        cancel.setVisible(true);
        runChecks.setDisable(true);
        cancel.setOnAction(e -> task.cancel());
        task.setOnSucceeded(e -> {
            endRun();
            CheckReport r = task.getValue();
            report.set(r);
            results.show(r, task.rows());
            String done = UiText.get("check.done", r.units().size(), r.sites().size(), r.conflicts().size(), r.dataQuality().size())
                    + (r.approximateLayers().isEmpty() ? "" : UiText.get("check.approximate", r.approximateLayers().size()));
            // sites brought in by the user: say where their review sheets are
            status.setText(sites == null ? done : done + UiText.get("check.sitesSheetHint"));
        });
        task.setOnCancelled(e -> {
            endRun();
            status.setText(UiText.get("check.cancelled"));
        });
        task.setOnFailed(e -> {
            endRun();
            status.setText(UiText.get("check.failed"));
            error(UiText.get("check.failed"), task.getException());
        });
        Background.run(task, "checks");
    }

    private void chooseExportFolder() {
        chooseExportFolder(null);
    }

    /** Exports the sheets of {@code subject} (a unit or site name), or of everything when null, into a chosen folder. */
    void chooseExportFolder(String subject) {
        if (report.get() == null) {
            Alert a = new Alert(Alert.AlertType.INFORMATION, UiText.get("export.runFirst"));
            a.setHeaderText(null);
            a.show();
            return;
        }
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(UiText.get("menu.check.export"));
        java.io.File dir = chooser.showDialog(stage);
        if (dir != null) {
            exportSheets(dir.toPath(), subject);
        }
    }

    /**
     * Writes every sheet of the last check run into {@code dir} in the background, with progress. The folder is made
     * first when it does not exist (as most programs do); null, after a dialog that says why, when it cannot be.
     */
    ExportTask exportSheets(Path dir, String subject) {
        String cannot = ExportFolder.create(dir);
        if (cannot != null) {
            Alert alert = new Alert(Alert.AlertType.ERROR);
            alert.setTitle(UiText.get("dialog.error"));
            alert.setHeaderText(UiText.get("export.failed"));
            alert.setContentText(cannot);
            alert.show();
            return null;
        }
        ExportTask task = new ExportTask(report.get(), data, dir, subject, map.contentProperty().get());
        progress.progressProperty().bind(task.progressProperty());
        status.textProperty().bind(task.messageProperty());
        progress.setVisible(true);
        cancel.setVisible(true);
        cancel.setOnAction(e -> task.cancel());
        task.setOnSucceeded(e -> {
            endRun();
            status.setText(UiText.get("export.done", task.getValue().size(), dir));
        });
        task.setOnCancelled(e -> endRun());
        task.setOnFailed(e -> {
            endRun();
            status.setText(UiText.get("export.failed"));
            error(UiText.get("export.failed"), task.getException());
        });
        Background.run(task, "export");
        return task;
    }

    /** Status text, unless a running check owns the status line. */
    private void setStatus(String text) {
        if (!status.textProperty().isBound()) {
            status.setText(text);
        }
    }

    private void endRun() {
        progress.progressProperty().unbind();
        status.textProperty().unbind();
        progress.setVisible(false);
        cancel.setVisible(false);
        runChecks.setDisable(false);
    }

    private cn.basinguard.core.crs.Crs reportCrs() {
        return report.get() == null ? null : report.get().grid();
    }

    /** Shows a geometry given in {@code crs} on the map: highlighted, and zoomed to when {@code zoom}. */
    private void select(Geometry g, cn.basinguard.core.crs.Crs crs, boolean zoom) {
        selectionCrs = crs;
        zoomToSelection = zoom;
        selection.set(null);
        selection.set(g);
    }

    private boolean zoomToSelection;

    /** The selection in the map CRS, or null. */
    private Geometry selectionInMap() {
        var content = map.contentProperty().get();
        Geometry g = selection.get();
        if (g == null || content == null) {
            return null;
        }
        return selectionCrs == null || selectionCrs.equals(content.crs()) ? g
                : cn.basinguard.core.crs.GeometryTransformer.shared().transform(g, selectionCrs, content.crs());
    }

    void zoomToSelection() {
        Geometry g = selectionInMap();
        if (g != null) {
            map.zoomTo(g.getEnvelopeInternal());
        }
    }

    private void showSelection(Geometry g) {
        var content = map.contentProperty().get();
        if (g == null || content == null) {
            map.highlightProperty().set(List.of());
            return;
        }
        Geometry inMap = selectionInMap();
        map.highlightProperty().set(List.of(inMap));
        if (zoomToSelection) {
            map.zoomTo(inMap.getEnvelopeInternal());
        }
    }

    /** What lies under a click at (x, y) in map units: the topmost visible feature, its attributes and its area. */
    void identify(double x, double y) {
        var content = map.contentProperty().get();
        var vp = map.viewportProperty().get();
        if (content == null || vp == null) {
            return;
        }
        var hit = MapIdentify.at(content, vp, x, y);
        if (hit == null) {
            identifyPixel(content, vp, x, y);
            return;
        }
        DatasetSummary from = opened;
        // sites imported or drawn are the window's own rows (in the map's CRS), not a layer of the opened data
        List<cn.basinguard.core.gpkg.Feature> inMemory = importedRows.get(hit.layer().table());
        Task<String> task = new Task<>() {
            @Override
            protected String call() {
                if (inMemory != null) {
                    var f = inMemory.stream().filter(r -> r.fid() == hit.feature().id()).findFirst().orElse(null);
                    return MapIdentify.describe(f, content.crs(), content.crs(), hit);
                }
                try (cn.basinguard.core.source.DataSource src = from.openLayer(hit.layer().table())) {
                    return MapIdentify.describe(src, content.crs(), hit);
                }
            }
        };
        task.setOnSucceeded(e -> {
            select(hit.feature().geometry(), content.crs(), false);
            results.getTabs().stream().filter(t -> t instanceof AttributeTableTab a && a.layer().equals(hit.layer().table()))
                    .map(AttributeTableTab.class::cast).findFirst().ifPresent(t -> {
                        results.getSelectionModel().select(t);
                        t.selectFeature(hit.feature().id());
                    });
            Alert info = new Alert(Alert.AlertType.INFORMATION);
            info.setTitle(UiText.get("identify.title"));
            info.setHeaderText(hit.layer().name());
            info.setContentText(task.getValue());
            info.show();
        });
        task.setOnFailed(e -> error(UiText.get("identify.title"), task.getException()));
        Background.run(task, "identify");
    }

    /** What imagery could not draw (a corrupt tile, a compression it cannot decode), said once, when a frame first meets it. */
    private void imageryProblems() {
        var content = map.contentProperty().get();
        if (content == null) {
            return;
        }
        List<String> problems = new java.util.ArrayList<>();
        for (var l : content.layers()) {
            if (l.isImagery()) {
                problems.addAll(l.raster().problems());
            }
        }
        if (!problems.isEmpty() && sourceWarnings.showNew(stage, displayName, problems) != null) {
            setStatus(UiText.get("status.imageryProblems"));
        }
    }

    /** What the topmost visible imagery shows under a click: its pixel value, read off the JavaFX thread. */
    private void identifyPixel(cn.basinguard.core.map.MapContent content, cn.basinguard.core.map.Viewport vp, double x, double y) {
        Task<MapIdentify.Pixel> task = new Task<>() {
            @Override
            protected MapIdentify.Pixel call() {
                return MapIdentify.pixelAt(content, vp, x, y);
            }
        };
        task.setOnSucceeded(e -> {
            MapIdentify.Pixel p = task.getValue();
            if (p == null) {
                return;
            }
            Alert info = new Alert(Alert.AlertType.INFORMATION);
            info.setTitle(UiText.get("identify.title"));
            info.setHeaderText(p.layer().name());
            info.setContentText(MapIdentify.describe(p));
            info.show();
        });
        task.setOnFailed(e -> error(UiText.get("identify.title"), task.getException()));
        Background.run(task, "identify");
    }

    /** Opens the layer's attribute table as a tab beside the results. */
    AttributeTableTab openAttributes(LayerInfo layer) {
        var layerCrs = layer.srs() == null ? null : layer.srs().crs();
        for (var t : results.getTabs()) {
            if (t instanceof AttributeTableTab a && a.layer().equals(layer.name())) {
                results.getSelectionModel().select(a);
                return a;
            }
        }
        DatasetSummary from = opened;
        List<cn.basinguard.core.gpkg.Feature> inMemory = importedRows.get(layer.name());
        AttributeTableTab tab;
        if (inMemory != null) {
            tab = new AttributeTableTab(() -> {
                cn.basinguard.core.loaded.AttributeColumns columns = new cn.basinguard.core.loaded.AttributeColumns();
                return inMemory.stream().map(f -> AttributeRow.of(f.fid(), f.attributes(), f.geometry(), columns)).toList();
            },
                    AttributeRow::geometry, layer, g -> select(g, layerCrs, false), g -> select(g, layerCrs, true));
        } else {
            // the rows without their geometry: a selected row's is the map's, in the map's CRS
            cn.basinguard.core.map.MapContent content = map.contentProperty().get();
            int onMap = content == null ? -1 : content.indexOf(layer.name());
            cn.basinguard.core.map.MapLayer drawn = onMap < 0 ? null : content.layers().get(onMap);
            tab = new AttributeTableTab(() -> {
                try (cn.basinguard.core.source.DataSource src = from.openLayer(layer.name())) {
                    cn.basinguard.core.loaded.LoadedSource model = cn.basinguard.core.loaded.LoadedSource.of(src);
                    cn.basinguard.core.loaded.LoadedLayer loaded = model == null ? null : model.loaded(layer.name());
                    if (loaded != null) {
                        // the model's own columns: the table copies nothing
                        long[] fids = loaded.fids();
                        AttributeRow[] rows = new AttributeRow[fids.length];
                        for (int i = 0; i < rows.length; i++) {
                            rows[i] = AttributeRow.at(fids[i], loaded.columns(), i);
                        }
                        return java.util.Arrays.asList(rows);
                    }
                    List<AttributeRow> rows = new java.util.ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, layer.featureCount())));
                    cn.basinguard.core.loaded.AttributeColumns columns = new cn.basinguard.core.loaded.AttributeColumns();
                    src.read(layer.name(), null, null, f -> rows.add(AttributeRow.of(f.fid(), f.attributes(), null, columns)), p -> { });
                    return rows;
                }
            }, row -> {
                var f = drawn == null ? null : drawn.feature(row.fid());
                return f == null || f.geometry().isEmpty() ? null : f.geometry(); // a row without an outline: nothing to show
            }, layer, g -> select(g, content.crs(), false), g -> select(g, content.crs(), true));
        }
        tab.setClosable(true);
        results.getTabs().add(tab);
        results.getSelectionModel().select(tab);
        return tab;
    }

    /** The geometry of the result row the user picked, in the report's grid; the map follows it. */
    ObjectProperty<Geometry> selectionProperty() {
        return selection;
    }

    MapCanvas map() {
        return map;
    }

    /** What the window has open (files, or the connected database). */
    OpenedData data() {
        return data;
    }

    LayersPanel layers() {
        return layers;
    }

    /** The results' tabs (result tables, attribute tables). */
    ResultsPane results() {
        return results;
    }

    ObjectProperty<CheckReport> reportProperty() {
        return report;
    }

    private Path initialFile() {
        List<String> args = getParameters() == null ? List.of() : getParameters().getRaw();
        return args.isEmpty() ? null : Path.of(args.get(0));
    }

    /** Opens a GeoPackage, Shapefile or folder off the JavaFX thread; null opens the bundled Zengdu sample. */
    void open(Path file) {
        open(file == null ? OpenedData.bundledSample() : OpenedData.of(List.of(file)));
    }

    /** Opens the data off the JavaFX thread; results computed from other data are cleared. */
    void open(OpenedData d) {
        closeDatabase(d.database());
        closeModel(d.model());
        data = d;
        if (report.get() != null) {
            report.set(null);
            results.clear();
        }
        setStatus(UiText.get("status.loading", d.name()));
        Task<DatasetSummary> task = new Task<>() {
            @Override
            protected DatasetSummary call() {
                DatasetSummary read = DatasetSummary.read(d);
                // the layer list's and the legend's swatches, drawn here rather than on the JavaFX thread as it shows them
                StyleSwatch.prepare(LayersPanel.swatchesOf(read.map()));
                return read;
            }
        };
        task.setOnSucceeded(e -> show(task.getValue()));
        task.setOnFailed(e -> failed(task.getException()));
        Background.run(task, "open-dataset");
    }

    private void show(DatasetSummary d) {
        if (!d.data().sample() && d.data().paths().size() == 1) {
            settings.addRecent(d.data().paths().get(0));
            refreshRecent();
        }
        String name = d.data().name();
        displayName = name;
        stage.setTitle(UiText.get(d.demonstration() ? "app.title.demo" : "app.title.file", name));
        opened = d;
        demonstration = d.demonstration();
        district = d.district();
        results.getTabs().removeIf(t -> t instanceof AttributeTableTab);
        // a connected database is read by area for frames at township zoom, as it holds the rows now
        map.setAreaFrames(d.data().database() == null || d.map() == null ? null
                : new cn.basinguard.core.map.AreaFrames(List.of(d.data().database()), d.map().crs(),
                        problem -> Platform.runLater(() -> setStatus(UiText.get("status.areaReadFailed", problem)))));
        map.contentProperty().set(d.map());
        importedRows.clear();
        layers.setLayers(d.layers().stream().filter(l -> l.isSupported() || l.isRaster() && l.srs() != null).toList(), d.sources());
        map.fullExtent();
        sourceWarnings.showNew(stage, name, d.warnings());
        if (d.map() == null || d.map().layers().isEmpty()) {
            setStatus(UiText.get("status.noMap", name));
            return;
        }
        setStatus(UiText.get("status.ready"));
    }


    static String describe(LayerInfo l) {
        String title = l.identifier() != null && !l.identifier().isBlank() ? l.identifier() : l.name();
        if (l.isRaster()) {
            // an image has pixels, not features: "0 个要素" would read as an empty layer
            return UiText.get("layer.item.imagery", title);
        }
        return UiText.get(l.kind() == LayerInfo.Kind.ATTRIBUTES ? "layer.item.table" : "layer.item", title, l.featureCount());
    }

    private void failed(Throwable e) {
        setStatus(UiText.get("status.failed"));
        error(UiText.get("dialog.openFailed"), e);
    }

    /** One dialog at a time for errors nobody caught: a failing pulse repeats its error at every frame. */
    private final java.util.concurrent.atomic.AtomicBoolean sayingUncaught = new java.util.concurrent.atomic.AtomicBoolean();

    private void uncaught(Thread t, Throwable e) {
        System.err.println("Exception in thread \"" + t.getName() + "\"");
        e.printStackTrace();
        if (sayingUncaught.compareAndSet(false, true)) {
            Platform.runLater(() -> error(UiText.get("dialog.uncaught"), e).setOnHidden(h -> sayingUncaught.set(false)));
        }
    }

    /** Shows what went wrong under {@code header}; returns the dialog shown. */
    private Alert error(String header, Throwable e) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(UiText.get("dialog.error"));
        alert.setHeaderText(header);
        alert.setContentText(FailureText.of(e));
        alert.show();
        return alert;
    }

    private MenuBar menuBar() {
        Menu file = new Menu(UiText.get("menu.file"));
        MenuItem openItem = new MenuItem(UiText.get("menu.file.open"));
        openItem.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        openItem.setOnAction(e -> chooseFile());
        MenuItem importSites = new MenuItem(UiText.get("menu.file.importSites"));
        importSites.setAccelerator(KeyCombination.keyCombination("Shortcut+I"));
        importSites.setOnAction(e -> chooseSites());
        MenuItem paste = new MenuItem(UiText.get("paste.title"));
        paste.setOnAction(e -> pasteCoordinates());
        MenuItem saveSites = new MenuItem(UiText.get("menu.file.saveSites"));
        saveSites.setOnAction(e -> chooseSaveSites());
        MenuItem print = new MenuItem(UiText.get("menu.file.print"));
        print.setAccelerator(KeyCombination.keyCombination("Shortcut+P"));
        print.setOnAction(e -> openPrintWindow());
        MenuItem openFolder = new MenuItem(UiText.get("menu.file.openFolder"));
        openFolder.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+O"));
        openFolder.setOnAction(e -> {
            Path dir = DataChooser.chooseFolder(stage);
            if (dir != null) {
                open(dir);
            }
        });
        MenuItem controlList = new MenuItem(UiText.get("menu.file.controlList"));
        controlList.setOnAction(e -> {
            Path list = ControlListImport.choose(stage);
            if (list != null) {
                importControlList(list);
            }
        });
        MenuItem connect = new MenuItem(UiText.get("menu.file.database"));
        connect.setId("menu-database");
        connect.setOnAction(e -> chooseDatabase(null));
        MenuItem pack = new MenuItem(UiText.get("menu.file.pack"));
        pack.setId("menu-pack");
        pack.setOnAction(e -> choosePack());
        MenuItem sample = new MenuItem(UiText.get("menu.file.sample"));
        sample.setOnAction(e -> open(OpenedData.bundledSample()));
        refreshRecent();
        MenuItem exit = new MenuItem(UiText.get("menu.file.exit"));
        exit.setOnAction(e -> {
            settings.saveWindow(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
            Platform.exit();
        });
        file.getItems().addAll(openItem, openFolder, connect, controlList, importSites, paste, saveSites, print, pack, sample, recent,
                new javafx.scene.control.SeparatorMenuItem(), exit);
        Menu language = new Menu(UiText.get("menu.language"));
        MenuItem zh = new MenuItem("中文");
        zh.setOnAction(e -> switchLanguage("zh"));
        MenuItem en = new MenuItem("English");
        en.setOnAction(e -> switchLanguage("en"));
        language.getItems().addAll(zh, en);
        Menu checks = new Menu(UiText.get("menu.check"));
        MenuItem run = new MenuItem(UiText.get("menu.check.run"));
        run.setAccelerator(KeyCombination.keyCombination("Shortcut+R"));
        run.setOnAction(e -> runChecks());
        MenuItem export = new MenuItem(UiText.get("menu.check.export"));
        export.setId("export-sheets");
        export.setOnAction(e -> chooseExportFolder());
        checks.getItems().addAll(run, export);
        Menu view = new Menu(UiText.get("menu.view"));
        MenuItem full = new MenuItem(UiText.get("menu.view.full"));
        full.setAccelerator(KeyCombination.keyCombination("Shortcut+Home"));
        full.setOnAction(e -> map.fullExtent());
        MenuItem toLayer = new MenuItem(UiText.get("layer.zoom"));
        toLayer.setOnAction(e -> {
            LayerInfo l = layers.list().getSelectionModel().getSelectedItem();
            var m = l == null ? null : layers.layerOf(l);
            if (m != null) {
                map.zoomTo(m.extent());
            }
        });
        MenuItem toSelection = new MenuItem(UiText.get("menu.view.selection"));
        toSelection.setAccelerator(KeyCombination.keyCombination("Shortcut+J"));
        toSelection.setOnAction(e -> zoomToSelection());
        MenuItem measureLength = new MenuItem(UiText.get("tool.measureLength"));
        measureLength.setOnAction(e -> useTool(MapTool.MEASURE_LENGTH));
        MenuItem measureArea = new MenuItem(UiText.get("tool.measureArea"));
        measureArea.setOnAction(e -> useTool(MapTool.MEASURE_AREA));
        view.getItems().addAll(full, toLayer, toSelection, new javafx.scene.control.SeparatorMenuItem(), measureLength, measureArea);
        return new MenuBar(file, view, checks, language, new Menu(UiText.get("menu.help")));
    }
}
