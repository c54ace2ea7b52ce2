package cn.basinguard.app.cli;

import cn.basinguard.core.i18n.Messages;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Text of the command line, in the language chosen with {@code --lang} (Chinese by default). */
final class CliText {
    private CliText() {
    }

    static String get(String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle("cn.basinguard.app.cli", Messages.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Messages.locale()).format(args);
    }
}
