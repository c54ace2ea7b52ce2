package cn.basinguard.app.ui;

import javafx.concurrent.Task;

/** Work the window must not wait for: each task on a daemon thread of its own, named for what it does. */
final class Background {
    private Background() {
    }

    static void run(Task<?> task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }
}
