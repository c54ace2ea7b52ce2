package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/**
 * Window titles are drawn by the window manager with the desktop's fonts, not by JavaFX with the bundled fallback
 * (DesktopFonts), so the program's own title texts keep to GBK, which every Chinese desktop font covers (㵐 is not in it); data
 * (layer names) goes in a dialog's header instead. The open file's name is the one data-dependent part left (README).
 */
class WindowTitleTextTest {
    /** Every bundle text the program passes to setTitle (windows, dialogs, file choosers). */
    private static final List<String> TITLE_KEYS = List.of("app.title", "app.title.demo", "app.title.file", "style.title", "print.window",
            "draw.title", "paste.title", "identify.title", "dialog.error", "menu.file.open", "menu.file.importSites",
            "menu.file.saveSites", "menu.check.export");

    @Test
    void programTitlesUseOnlyCharactersEveryChineseDesktopFontHas() {
        CharsetEncoder gbk = Charset.forName("GBK").newEncoder();
        ResourceBundle zh = ResourceBundle.getBundle("cn.basinguard.app.ui.ui", Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        for (String key : TITLE_KEYS) {
            String text = zh.getString(key).replaceAll("\\{\\d}", "");
            assertTrue(gbk.canEncode(text), key + " = " + text);
        }
    }
}
