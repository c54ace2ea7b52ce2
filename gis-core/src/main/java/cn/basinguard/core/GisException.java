package cn.basinguard.core;

import cn.basinguard.core.i18n.Messages;
import java.util.Locale;

/**
 * A problem the user can act on: bad input, a file that cannot be read, a CRS the program does not know.
 * The message is one line that says what is wrong and what to do, in the user's language; the CLI prints it
 * as it is and the window shows it in a dialog. Programming errors stay ordinary runtime exceptions.
 */
public class GisException extends RuntimeException {
    private final String key;
    private final transient Object[] args;

    public GisException(String key, Object... args) {
        this(null, key, args);
    }

    public GisException(Throwable cause, String key, Object... args) {
        super(key, cause);
        this.key = key;
        this.args = args.clone();
    }

    /** The resource-bundle key, stable across languages: tests and callers match on it. */
    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    @Override
    public String getMessage() {
        return Messages.get(key, args);
    }

    @Override
    public String getLocalizedMessage() {
        return getMessage();
    }

    public String getMessage(Locale in) {
        return Messages.get(in, key, args);
    }
}
