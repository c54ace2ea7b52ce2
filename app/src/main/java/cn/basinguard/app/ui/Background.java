package cn.basinguard.app.ui;

import javafx.concurrent.Task;

/**
 * Work the window must not wait for: each task on a daemon thread of its own, named for what it does, at the lowest
 * priority. On two cores the map's painters, a check and a file being read can take every core; the JavaFX thread and
 * its render thread must still get one when a frame is due, and the OS favours them only if our work asks for less
 * (Windows honours Java's priorities; Linux only with {@code -XX:ThreadPriorityPolicy=1}, see {@code JvmChoice}).
 */
final class Background {
    private Background() {
    }

    static void run(Task<?> task, String name) {
        thread(task, name).start();
    }

    /** A daemon thread for background work, at the lowest priority (threads it starts inherit that). */
    static Thread thread(Runnable work, String name) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    }
}
