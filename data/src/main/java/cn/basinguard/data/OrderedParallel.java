package cn.basinguard.data;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Work items computed on a few threads and handed to one consumer strictly in list order, with only a small window of
 * results in flight: output (and every floating-point sum) is the same whatever the thread count, and memory is
 * bounded by the window, not by the number of items.
 */
final class OrderedParallel {
    interface Work<T, R> {
        R apply(T item) throws Exception;
    }

    interface Sink<R> {
        void accept(R result) throws Exception;
    }

    private OrderedParallel() {
    }

    static <T, R> void run(List<T> items, int threads, Work<T, R> work, Sink<R> sink) throws Exception {
        if (threads <= 1) {
            for (T item : items) {
                sink.accept(work.apply(item));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tile-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<R>> window = new ArrayDeque<>();
            int next = 0;
            int size = 2 * threads;
            while (next < items.size() && window.size() < size) {
                T item = items.get(next++);
                window.add(pool.submit(() -> work.apply(item)));
            }
            while (!window.isEmpty()) {
                R r;
                try {
                    r = window.poll().get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception ex) {
                        throw ex;
                    }
                    throw new IllegalStateException(e.getCause());
                }
                if (next < items.size()) {
                    T item = items.get(next++);
                    window.add(pool.submit(() -> work.apply(item)));
                }
                sink.accept(r);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
