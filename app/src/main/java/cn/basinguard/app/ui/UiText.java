package cn.basinguard.app.ui;

import cn.basinguard.core.i18n.Messages;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Text of the window, in the chosen language (Chinese by default); all of it lives in the ui bundle. */
public final class UiText {
    private UiText() {
    }

    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle("cn.basinguard.app.ui.ui", Messages.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static String get(String key, Object... args) {
        String pattern = bundle().getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Messages.locale()).format(args);
    }
}
