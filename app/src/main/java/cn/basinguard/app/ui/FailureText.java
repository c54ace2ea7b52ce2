package cn.basinguard.app.ui;

import cn.basinguard.core.GisException;

/** What a failed task says to the user: the data's problem as the library words it, or what to do when memory ran out. */
final class FailureText {
    private FailureText() {
    }

    static String of(Throwable e) {
        return e instanceof GisException g ? g.getMessage()
                // the window's heap is bounded (JvmChoice): data too big for it is said so, with what to do instead
                : e instanceof OutOfMemoryError ? UiText.get("dialog.outOfMemory", Runtime.getRuntime().maxMemory() >> 20)
                : UiText.get("dialog.unexpected", String.valueOf(e));
    }
}
