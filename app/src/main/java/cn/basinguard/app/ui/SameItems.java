package cn.basinguard.app.ui;

import java.util.List;

/** Whether two lists hold the very same objects in the same order: records compare all they hold, which is not asked. */
final class SameItems {
    private SameItems() {
    }

    static boolean of(List<?> a, List<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }
}
