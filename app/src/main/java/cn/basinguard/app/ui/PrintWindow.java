package cn.basinguard.app.ui;

import cn.basinguard.core.GisException;
import cn.basinguard.core.io.AtomicFile;
import cn.basinguard.core.map.MapContent;
import cn.basinguard.core.report.AtlasPng;
import cn.basinguard.core.report.PrintAtlas;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.print.PageLayout;
import javafx.print.PageOrientation;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * 打印: choose units (and project-site pages), paper, orientation and title; see the pages as they will print; then
 * print them on a system printer, or save them as vector PDF or as PNG at 300 dpi. Every page is laid out once, as
 * PDF, on a worker thread, and the preview, the printer and the PNG files are rendered from that same PDF.
 */
final class PrintWindow extends Stage {
    static final float PRINT_DPI = 300;
    private static final float PREVIEW_DPI = 80;

    private final MapContent map;
    private final String sources;
    private final String district;
    private final boolean demonstration;
    private final ListView<String> units = new ListView<>();
    private final Map<String, BooleanProperty> chosen = new HashMap<>();
    final CheckBox sitePages = new CheckBox(UiText.get("print.sitePages"));
    final ComboBox<PrintAtlas.Paper> paper = new ComboBox<>();
    final CheckBox landscape = new CheckBox(UiText.get("print.landscape"));
    final TextField title = new TextField();
    private final ImageView preview = new ImageView();
    private final Label pageLabel = new Label();
    private final Label status = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private byte[] pdf;
    private int pageCount;
    private int page;
    private long layoutGeneration;
    /** The layout under way, if any: cancelled when the settings change again or the window closes. */
    private Task<byte[]> layout;

    /**
     * @param district the district's name for the default title (from the last check run), or null
     */
    PrintWindow(Window owner, MapContent map, String sources, String district, boolean demonstration) {
        initOwner(owner);
        setTitle(UiText.get("print.window"));
        this.map = map;
        this.sources = sources;
        this.district = district;
        this.demonstration = demonstration;
        for (String u : AtlasJob.unitNames(map)) {
            BooleanProperty p = new SimpleBooleanProperty(true);
            p.addListener((o, a, b) -> layOut());
            chosen.put(u, p);
            units.getItems().add(u);
        }
        units.setId("print-units");
        units.setCellFactory(CheckBoxListCell.forListView(chosen::get));
        units.setPrefHeight(160);
        paper.getItems().setAll(PrintAtlas.Paper.values());
        paper.setValue(PrintAtlas.Paper.A4);
        title.setText(PrintAtlas.defaultTitle(district));
        title.setId("print-title");
        paper.valueProperty().addListener((o, a, b) -> layOut());
        landscape.selectedProperty().addListener((o, a, b) -> layOut());
        sitePages.selectedProperty().addListener((o, a, b) -> layOut());
        title.setOnAction(e -> layOut());
        title.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                layOut();
            }
        });
        // a layout for a closed window is work for no one
        addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> cancelLayout());
        setScene(new Scene(content(), 1100, 800));
        getScene().getStylesheets().add(WorkbenchApp.class.getResource("basinguard.css").toExternalForm());
        layOut();
    }

    private BorderPane content() {
        Button all = new Button(UiText.get("print.all"));
        all.setOnAction(e -> chosen.values().forEach(p -> p.set(true)));
        Button none = new Button(UiText.get("print.none"));
        none.setOnAction(e -> chosen.values().forEach(p -> p.set(false)));
        VBox settings = new VBox(8, new Label(UiText.get("print.units")), units, new HBox(6, all, none), sitePages,
                new Label(UiText.get("print.paper")), paper, landscape, new Label(UiText.get("print.titleLabel")), title,
                new Label(UiText.get("print.titleHint")));
        settings.setPadding(new Insets(10));
        settings.setPrefWidth(300);
        ((Label) settings.getChildren().get(settings.getChildren().size() - 1)).setWrapText(true);
        Button prev = new Button("◀");
        prev.setOnAction(e -> showPage(page - 1));
        Button next = new Button("▶");
        next.setOnAction(e -> showPage(page + 1));
        preview.setId("print-preview");
        preview.setPreserveRatio(true);
        ScrollPane scroll = new ScrollPane(preview);
        scroll.setStyle("-fx-background: #888;");
        HBox nav = new HBox(8, prev, pageLabel, next, busy, status);
        nav.setAlignment(Pos.CENTER_LEFT);
        busy.setPrefSize(18, 18);
        busy.setVisible(false);
        VBox centre = new VBox(6, nav, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        centre.setPadding(new Insets(10));
        Button print = new Button(UiText.get("print.print"));
        print.setId("print-print");
        print.setOnAction(e -> print());
        Button toPdf = new Button(UiText.get("print.pdf"));
        toPdf.setOnAction(e -> choose("*.pdf", UiText.get("print.defaultPdf")).ifPresent(this::savePdf));
        Button toPng = new Button(UiText.get("print.png"));
        toPng.setOnAction(e -> choose("*.png", UiText.get("print.defaultPng")).ifPresent(this::savePng));
        Button close = new Button(UiText.get("print.close"));
        close.setOnAction(e -> close());
        HBox buttons = new HBox(8, print, toPdf, toPng, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(10));
        BorderPane root = new BorderPane(centre);
        root.setLeft(settings);
        root.setBottom(buttons);
        return root;
    }

    /** The job as set up now. */
    AtlasJob job() {
        List<String> picked = new ArrayList<>();
        for (String u : units.getItems()) {
            if (chosen.get(u).get()) {
                picked.add(u);
            }
        }
        String format = title.getText().isBlank() ? "%s" : PrintAtlas.titleFormat(title.getText());
        PrintAtlas.Notes notes = PrintAtlas.Notes.of(format, map.crs(), List.of(sources), LocalDate.now(), demonstration);
        return new AtlasJob(map, picked, sitePages.isSelected(), paper.getValue(), landscape.isSelected(), notes);
    }

    /**
     * Lays the pages out again in the background; the newest request wins and the one it replaces is cancelled (it stops
     * at its map's next check or its next page), so changing paper and orientation in a row does not leave a layout
     * thread per change working on pages no one will see.
     */
    void layOut() {
        AtlasJob job = job();
        long gen = ++layoutGeneration;
        cancelLayout();
        if (job.pages().isEmpty()) {
            pdf = null;
            pageCount = 0;
            preview.setImage(null);
            pageLabel.setText(UiText.get("print.noPages"));
            return;
        }
        busy.setVisible(true);
        status.setText(UiText.get("print.laying"));
        Task<byte[]> task = new Task<>() {
            @Override
            protected byte[] call() {
                return job.pdf(this::isCancelled);
            }
        };
        layout = task;
        task.setOnSucceeded(e -> {
            if (gen == layoutGeneration) {
                pdf = task.getValue();
                pageCount = job.pages().size();
                busy.setVisible(false);
                status.setText("");
                showPage(Math.min(page, pageCount - 1));
            }
        });
        task.setOnFailed(e -> failed(task.getException()));
        Background.run(task, "print-layout");
    }

    private void cancelLayout() {
        if (layout != null) {
            layout.cancel(false);
            layout = null;
        }
    }

    /** The layout under way, or null (for tests). */
    Task<byte[]> layoutTask() {
        return layout;
    }

    private void showPage(int i) {
        if (pdf == null || i < 0 || i >= pageCount) {
            return;
        }
        page = i;
        pageLabel.setText(UiText.get("print.page", i + 1, pageCount));
        byte[] doc = pdf;
        Task<Image> render = new Task<>() {
            @Override
            protected Image call() throws Exception {
                return FxImages.of(PrintAtlas.renderPage(doc, i, PREVIEW_DPI));
            }
        };
        render.setOnSucceeded(e -> {
            if (doc == pdf && page == i) {
                preview.setImage(render.getValue());
            }
        });
        render.setOnFailed(e -> failed(render.getException()));
        Background.run(render, "print-preview");
    }

    /** The pages as laid out now, or null while they are being laid out. */
    byte[] pdf() {
        return pdf;
    }

    Image previewImage() {
        return preview.getImage();
    }

    Task<Path> savePdf(Path target) {
        byte[] doc = pdf;
        return save(() -> {
            AtomicFile.write(target, out -> out.write(doc));
            return target;
        }, target);
    }

    Task<Path> savePng(Path target) {
        byte[] doc = pdf;
        return save(() -> {
            List<Path> written = AtlasPng.write(doc, PRINT_DPI, target);
            return written.get(0);
        }, target);
    }

    private interface Work {
        Path run() throws Exception;
    }

    private Task<Path> save(Work work, Path target) {
        if (pdf == null) {
            info(UiText.get("print.notReady"));
            return null;
        }
        Task<Path> task = new Task<>() {
            @Override
            protected Path call() throws Exception {
                return work.run();
            }
        };
        busy.setVisible(true);
        task.setOnSucceeded(e -> {
            busy.setVisible(false);
            status.setText(UiText.get("print.saved", target));
        });
        task.setOnFailed(e -> failed(task.getException()));
        Background.run(task, "print-save");
        return task;
    }

    /** Prints through the system's printers: the JavaFX print dialog, then each page at 300 dpi, on a worker thread. */
    private void print() {
        if (pdf == null) {
            info(UiText.get("print.notReady"));
            return;
        }
        if (Printer.getDefaultPrinter() == null && Printer.getAllPrinters().isEmpty()) {
            info(UiText.get("print.noPrinter"));
            return;
        }
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null || !job.showPrintDialog(this)) {
            return;
        }
        print(job);
    }

    /** Sends every page to the job's printer at 300 dpi, on a worker thread; the task ends when the job has ended. */
    Task<Void> print(PrinterJob job) {
        javafx.print.Paper fxPaper = paper.getValue() == PrintAtlas.Paper.A3 ? javafx.print.Paper.A3 : javafx.print.Paper.A4;
        PageLayout layout = job.getPrinter().createPageLayout(fxPaper,
                landscape.isSelected() ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT, Printer.MarginType.HARDWARE_MINIMUM);
        byte[] doc = pdf;
        int pages = pageCount;
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() throws Exception {
                for (int i = 0; i < pages && !isCancelled(); i++) {
                    updateMessage(UiText.get("print.printing", i + 1, pages));
                    ImageView sheet = new ImageView(FxImages.of(PrintAtlas.renderPage(doc, i, PRINT_DPI)));
                    sheet.setPreserveRatio(true);
                    sheet.setFitWidth(layout.getPrintableWidth());
                    sheet.setFitHeight(layout.getPrintableHeight());
                    if (!job.printPage(layout, sheet)) {
                        throw new GisException("print.printerFailed", job.getJobStatus());
                    }
                }
                // JavaFX reports a spooler that could not start only through the job's status
                if (!job.endJob() || job.getJobStatus() == PrinterJob.JobStatus.ERROR) {
                    throw new GisException("print.printerFailed", job.getJobStatus());
                }
                return null;
            }
        };
        busy.setVisible(true);
        status.textProperty().bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            status.textProperty().unbind();
            busy.setVisible(false);
            status.setText(UiText.get("print.sent", pages));
        });
        task.setOnFailed(e -> {
            status.textProperty().unbind();
            job.cancelJob();
            failed(task.getException());
        });
        Background.run(task, "print");
        return task;
    }

    private java.util.Optional<Path> choose(String pattern, String name) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(pattern, pattern));
        chooser.setInitialFileName(name);
        java.io.File f = chooser.showSaveDialog(this);
        return java.util.Optional.ofNullable(f).map(java.io.File::toPath);
    }

    private void info(String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text);
        a.initOwner(this);
        a.setHeaderText(null);
        a.show();
    }

    private void failed(Throwable e) {
        busy.setVisible(false);
        status.setText("");
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(this);
        a.setHeaderText(UiText.get("print.failed"));
        a.setContentText(e instanceof GisException g ? g.getMessage() : UiText.get("dialog.unexpected", String.valueOf(e)));
        a.show();
    }

}
