package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserSettingsTest {
    final Preferences node = Preferences.userRoot().node("cn/basinguard/test-settings-" + ProcessHandle.current().pid());
    @TempDir
    Path dir;

    @AfterEach
    void clean() throws Exception {
        node.removeNode();
    }

    @Test
    void recentFilesNewestFirstWithoutDuplicatesAndBounded() throws Exception {
        UserSettings s = new UserSettings(node);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            files.add(Files.createFile(dir.resolve("f" + i + ".gpkg")));
            s.addRecent(files.get(i));
        }
        s.addRecent(files.get(5));
        List<Path> recent = s.recentFiles();
        assertEquals(UserSettings.MAX_RECENT, recent.size());
        assertEquals(files.get(5), recent.get(0));
        assertEquals(files.get(9), recent.get(1));
        Files.delete(files.get(9));
        assertEquals(files.get(8), s.recentFiles().get(1), "a file that is gone is not offered");
    }

    @Test
    void aBureauFolderIsARecentEntryLikeAFile() throws Exception {
        UserSettings s = new UserSettings(node);
        Path folder = Files.createDirectory(dir.resolve("曾都区自然资源局"));
        Path file = Files.createFile(dir.resolve("a.gpkg"));
        s.addRecent(file);
        s.addRecent(folder);
        assertEquals(List.of(folder, file), s.recentFiles());
        Files.delete(folder);
        assertEquals(List.of(file), s.recentFiles(), "a folder that is gone is not offered");
    }

    @Test
    void windowAndLanguageAreRemembered() {
        UserSettings s = new UserSettings(node);
        assertEquals("zh", s.language());
        s.setLanguage("en");
        s.saveWindow(10, 20, 1000, 700, true);
        UserSettings again = new UserSettings(node);
        assertEquals("en", again.language());
        assertArrayEquals(new double[] {10, 20, 1000, 700}, again.windowBounds());
        assertEquals(true, again.maximized());
    }

    @Test
    void aChangeReachesTheProfileOnDiskFromTheWriterThread() throws Exception {
        // java.util.prefs on Linux: an XML file under ~/.java/.userPrefs/<node path>/prefs.xml
        Path file = Path.of(System.getProperty("java.util.prefs.userRoot", System.getProperty("user.home")), ".java", ".userPrefs")
                .resolve(node.absolutePath().substring(1)).resolve("prefs.xml");
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the file store of Linux");
        UserSettings s = new UserSettings(node);
        Path a = Files.createFile(dir.resolve("县域.gpkg"));
        s.addRecent(a);
        s.setLanguage("en");
        s.saveWindow(1, 2, 300, 400, false);
        UserSettings.awaitWrites();
        String saved = Files.readString(file);
        assertTrue(saved.contains(a.toString()) && saved.contains("\"en\"") && saved.contains("300"), saved);
    }
}
