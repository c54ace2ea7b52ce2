package cn.basinguard.app.ui;

import static cn.basinguard.app.ui.ProbeScreen.capture;
import static cn.basinguard.app.ui.ProbeScreen.fx;
import static cn.basinguard.app.ui.ProbeScreen.save;
import static cn.basinguard.app.ui.ProbeScreen.settle;
import static cn.basinguard.app.ui.ProbeScreen.waitFor;
import static cn.basinguard.app.ui.ProbeScreen.waitForNode;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * Run by {@link DesktopGlyphTest} in a child JVM on a real X server with the GTK glass platform (not Monocle): starts
 * the real window on the sample, runs the checks, and shows 㵐水片区 in a table cell (the results), a tab, a dialog
 * and a label (the status bar). For each place it captures the screen's pixels three times: the text as the window
 * draws it, the same place with a character no font has (U+E000) in place of 㵐, and the same place drawn in the bundled
 * font alone; the test compares them. Also saves the window with the results table as a screenshot.
 *
 * <p>Arguments: output folder, screenshot folder. Its helpers for the JavaFX thread and the screen serve
 * {@link DatabaseProbe} too.
 */
public final class GlyphProbe {
    static final String TEXT = "㵐水片区";
    static final String MISSING = "\uE000水片区";
    static final String PLAIN = "涢水片区 耕地保有量 BasinGuard 1:10,000 ≥29.51 万亩";

    private GlyphProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path screenshots = Path.of(args[1]);
        Files.createDirectories(out);
        Files.createDirectories(screenshots);
        Platform.startup(() -> { });
        Stage stage = fx(Stage::new);
        WorkbenchApp app = new WorkbenchApp();
        fx(() -> {
            app.start(stage);
            return null;
        });
        waitFor(() -> fx(() -> !app.layers().list().getItems().isEmpty()));
        fx(() -> {
            app.runChecks();
            return null;
        });
        TableView<?> indicators = fx(() -> (TableView<?>) stage.getScene().lookup("#result-indicators"));
        waitFor(() -> fx(() -> !indicators.getItems().isEmpty()));
        // the first row of 㵐水片区 in view
        fx(() -> {
            for (int i = 0; i < indicators.getItems().size(); i++) {
                if (indicators.getItems().get(i) instanceof ResultRows.IndicatorRow r && r.unit().equals(TEXT)) {
                    indicators.scrollTo(i);
                    indicators.getSelectionModel().clearSelection();
                    break;
                }
            }
            return null;
        });
        Labeled cell = waitForNode(() -> indicators.lookupAll(".table-cell").stream()
                .filter(n -> n instanceof TableCell<?, ?> c && TEXT.equals(c.getText())).findFirst().orElse(null));
        settle(3, 150);
        Properties facts = new Properties();
        facts.setProperty("pipeline", fx(() -> com.sun.prism.GraphicsPipeline.getPipeline().getClass().getSimpleName()));
        facts.setProperty("glass", fx(() -> com.sun.glass.ui.Application.GetApplication().getClass().getSimpleName()));
        save(capture(stage.getScene().getRoot()), screenshots.resolve("glyphs-gtk-results.png"));

        TabPane results = fx(() -> (TabPane) stage.getScene().lookup("#results"));
        fx(() -> results.getTabs().add(new Tab(TEXT)));
        Labeled tab = waitForNode(() -> results.lookupAll(".tab-label").stream()
                .filter(n -> n instanceof Labeled l && TEXT.equals(l.getText())).findFirst().orElse(null));
        Labeled status = fx(() -> (Labeled) stage.getScene().lookup("#status"));
        fx(() -> {
            status.setText(TEXT);
            return null;
        });
        Alert alert = fx(() -> {
            Alert a = new Alert(Alert.AlertType.INFORMATION, UiText.get("status.ready"));
            a.initOwner(stage);
            a.setHeaderText(TEXT);
            // over the map, clear of the results table and the status bar that are read too
            a.setX(stage.getX() + stage.getWidth() * 0.45);
            a.setY(stage.getY() + 90);
            a.show();
            return a;
        });
        Labeled header = waitForNode(() -> alert.getDialogPane().lookupAll(".label").stream()
                .filter(n -> n instanceof Labeled l && TEXT.equals(l.getText())).findFirst().orElse(null));
        settle(3, 150);
        save(capture(stage.getScene().getRoot()), out.resolve("window.png"));
        save(capture(alert.getDialogPane()), out.resolve("dialog.png"));

        // the bundled font by name, for the third capture. Loaded only now: on Linux loading a font also hands it to
        // fontconfig, and before the window's first text that alone would put it in JavaFX's fallback list
        fx(() -> javafx.scene.text.Font.loadFont(DesktopFonts.bundledFile().toUri().toString(), 13));
        Map<String, Labeled> places = new LinkedHashMap<>();
        places.put("cell", cell);
        places.put("tab", tab);
        places.put("dialog", header);
        places.put("label", status);
        for (Map.Entry<String, Labeled> e : places.entrySet()) {
            probe(e.getKey(), e.getValue(), out, facts);
        }
        plain(status, out, facts);
        try (Writer w = Files.newBufferedWriter(out.resolve("probe.properties"))) {
            facts.store(w, "GlyphProbe");
        }
        Platform.exit();
        System.exit(0);
    }

    /** The three captures of one place, and where its first character starts and how big it is. */
    private static void probe(String name, Labeled place, Path out, Properties facts) throws Exception {
        Bounds area = fx(() -> place.localToScreen(place.getBoundsInLocal()));
        Node text = fx(() -> place.lookup(".text"));
        Bounds glyph = fx(() -> text.localToScreen(text.getBoundsInLocal()));
        double size = fx(() -> place.getFont().getSize());
        facts.setProperty(name + ".font", fx(() -> place.getFont().getName()));
        facts.setProperty(name + ".size", String.valueOf(size));
        facts.setProperty(name + ".glyphX", String.valueOf(glyph.getMinX() - Math.floor(area.getMinX())));
        save(capture(area), out.resolve(name + "-real.png"));
        fx(() -> {
            place.setText(MISSING);
            return null;
        });
        settle(3, 150);
        save(capture(area), out.resolve(name + "-missing.png"));
        String style = fx(place::getStyle);
        fx(() -> {
            place.setText(TEXT);
            place.setStyle(style + "; -fx-font-family: \"" + DesktopFonts.FAMILY + "\";");
            return null;
        });
        settle(3, 150);
        facts.setProperty(name + ".bundledFont", fx(() -> place.getFont().getName()));
        save(capture(area), out.resolve(name + "-bundled.png"));
        fx(() -> {
            place.setStyle(style);
            return null;
        });
    }

    /**
     * Ordinary CJK and Latin as the window draws them, and drawn in the desktop's own font named explicitly (the first
     * font of the list fontconfig gave JavaFX): the bundled fallback must change neither.
     */
    private static void plain(Labeled place, Path out, Properties facts) throws Exception {
        String desktop = fx(() -> com.sun.javafx.font.FontConfigManager.getFontConfigFont("sans", false, false).firstFont.familyName);
        facts.setProperty("plain.desktopFont", desktop);
        Bounds area = fx(() -> {
            place.setText(PLAIN);
            return place.localToScreen(place.getBoundsInLocal());
        });
        settle(3, 150);
        save(capture(area), out.resolve("plain-real.png"));
        String style = fx(place::getStyle);
        fx(() -> {
            place.setStyle(style + "; -fx-font-family: \"" + desktop + "\";");
            return null;
        });
        settle(3, 150);
        save(capture(area), out.resolve("plain-desktop.png"));
    }
}
