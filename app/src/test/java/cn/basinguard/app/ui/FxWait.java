package cn.basinguard.app.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waits for the window's state with each look taken on the JavaFX thread. The window changes its lists and properties
 * there (a folder opening, rows counted in the background and handed over); a condition read from the test's thread
 * can meet a list mid-change and fail with a ConcurrentModificationException that has nothing to do with the program
 * (CI met one in BureauFolderWindowTest).
 */
final class FxWait {
    private FxWait() {
    }

    /** Like {@link WaitForAsyncUtils#waitFor(long, TimeUnit, Callable)}, but the condition is read on the FX thread. */
    static void waitFor(long timeout, TimeUnit unit, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(timeout, unit, () -> read(condition));
    }

    /** The value read on the FX thread (directly when called there). */
    static <T> T read(Callable<T> read) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return read.call();
        }
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    /** {@link #read}, for use where a checked exception cannot go (inside a lambda given to the robot). */
    static <T> T get(Callable<T> read) {
        try {
            return read(read);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
