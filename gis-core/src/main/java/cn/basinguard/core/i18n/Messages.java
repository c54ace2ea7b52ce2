package cn.basinguard.core.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing text of gis-core (error messages, check verdicts, report labels).
 * Chinese is the default language of the product; English is the second. The language is a process-wide
 * choice (the CLI's {@code --lang}, the window's language menu), so it is held here rather than threaded
 * through every call.
 */
public final class Messages {
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final String BUNDLE = "cn.basinguard.core.messages";

    private static volatile Locale locale = CHINESE;

    private Messages() {
    }

    public static Locale locale() {
        return locale;
    }

    public static void setLocale(Locale newLocale) {
        locale = newLocale.getLanguage().equals("en") ? ENGLISH : CHINESE;
    }

    /** The text for {@code key} in the current language, with {@code args} put in by {@link MessageFormat}. */
    public static String get(String key, Object... args) {
        return get(locale, key, args);
    }

    public static String get(Locale in, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(in).getString(key);
        } catch (MissingResourceException e) {
            // a missing translation must never hide the error it was meant to explain
            pattern = key + (args.length > 0 ? " {0}" : "");
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, in).format(args);
    }

    private static ResourceBundle bundle(Locale in) {
        // the base bundle is Chinese; the root fallback must not drift to the JVM's default locale
        return ResourceBundle.getBundle(BUNDLE, in, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
