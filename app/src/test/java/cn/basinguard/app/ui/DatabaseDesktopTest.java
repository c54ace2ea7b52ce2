package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.app.postgis.TestDatabase;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * 文件 → 连接空间数据库 on a real desktop: {@link DatabaseProbe} in a child JVM on an Xvfb this test starts, with the GTK
 * glass platform (not Monocle), connects the real window to the test server through the dialog and captures the
 * screen twice — the dialog over the window, and the database's layers on the map. Saves database-connect-gtk.png and
 * database-gtk.png with the other screenshots. Skipped where Xvfb or GTK 3 is missing, or without the test server
 * (failing in CI, as the other PostGIS tests).
 */
class DatabaseDesktopTest {
    private static final Path WORK = Path.of("target", "gtk-database").toAbsolutePath();

    @Test
    void theRealWindowConnectsThroughTheDialogAndDrawsTheDatabase() throws Exception {
        Path out = WORK.resolve("probe");
        String schema;
        try (GtkDesktop desktop = GtkDesktop.start(WORK)) {
            schema = TestDatabase.sampleSchema();
            Files.deleteIfExists(out.resolve("probe.properties"));
            Path log = desktop.runProbe(DatabaseProbe.class, "cn/basinguard/test-gtk-database",
                    Map.of("LANG", "zh_CN.UTF-8", "BASINGUARD_TEST_PGPASSWORD", TestDatabase.PASSWORD), 180,
                    out.toString(), Screenshots.DIR.toAbsolutePath().toString(), TestDatabase.address(schema));
            String said = Files.readString(log);
            assertTrue(!said.contains(TestDatabase.PASSWORD), "the password is in nothing the window prints");
        }
        Properties facts = GtkDesktop.facts(out);
        assertTrue(facts.getProperty("glass").startsWith("Gtk"), "the GTK glass platform, not Monocle: " + facts);
        assertTrue(facts.getProperty("title").contains(schema), facts.getProperty("title"));
        assertTrue(facts.getProperty("layers").contains("hx_2023:" + TestDatabase.count(schema, "hx_2023")), facts.getProperty("layers"));
        assertTrue(Files.size(Screenshots.DIR.resolve("database-connect-gtk.png")) > 10_000, "the dialog's screenshot is saved");

        // the screen's pixels show the map drawn: many colours, far from one background
        BufferedImage screen = ImageIO.read(Screenshots.DIR.resolve("database-gtk.png").toFile());
        String[] m = facts.getProperty("map").split(",");
        int x0 = Integer.parseInt(m[0]);
        int y0 = Integer.parseInt(m[1]);
        int w = Math.min(Integer.parseInt(m[2]), screen.getWidth() - x0);
        int h = Math.min(Integer.parseInt(m[3]), screen.getHeight() - y0);
        Map<Integer, Integer> colours = new HashMap<>();
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                colours.merge(screen.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
            }
        }
        int background = colours.values().stream().max(Integer::compare).orElse(0);
        double drawn = 1 - background / (double) (w * h);
        System.out.printf(Locale.ROOT, "GTK database window: %s; map %dx%d px, %.1f %% drawn over the background, %d colours%n",
                facts.getProperty("glass"), w, h, drawn * 100, colours.size());
        assertTrue(drawn > 0.1 && colours.size() > 100, "the database's layers are drawn: " + drawn + ", " + colours.size() + " colours");
    }
}
