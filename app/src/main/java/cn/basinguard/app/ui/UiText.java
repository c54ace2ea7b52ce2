package cn.basinguard.app.ui;

import cn.basinguard.core.i18n.Messages;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Text of the window, in the chosen language (Chinese by default); all of it lives in the ui bundle. */
public final class UiText {
    private UiText() {
    }

    /** The bundle last looked up and its locale (a language switch looks the new one up). */
    private record Loaded(java.util.Locale locale, ResourceBundle bundle) {
    }

    private static volatile Loaded loaded;

    /**
     * The bundle of the current language. Kept, not looked up at every call: {@code ResourceBundle.getBundle} finds
     * its caller's module and builds a cache key each time, and the window asks for hundreds of texts while a file
     * opens (a third of our own work on the JavaFX thread then, on the loaded test machine).
     */
    public static ResourceBundle bundle() {
        java.util.Locale locale = Messages.locale();
        Loaded l = loaded;
        if (l == null || !l.locale().equals(locale)) {
            l = new Loaded(locale, ResourceBundle.getBundle("cn.basinguard.app.ui.ui", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
            loaded = l;
        }
        return l.bundle();
    }

    public static String get(String key, Object... args) {
        String pattern = bundle().getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Messages.locale()).format(args);
    }
}
