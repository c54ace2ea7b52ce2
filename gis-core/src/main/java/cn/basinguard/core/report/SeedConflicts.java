package cn.basinguard.core.report;

import cn.basinguard.core.check.IndicatorResult;
import cn.basinguard.core.check.Target;
import cn.basinguard.core.i18n.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the plan gives one bottom line two different targets (46.62 vs 46.63 万亩 …), the sheet must say so rather
 * than quietly pick one: one note per conflict group whose targets disagree, naming every target with its clause.
 */
final class SeedConflicts {
    private SeedConflicts() {
    }

    static List<String> notes(List<IndicatorResult> indicators) {
        Map<String, List<Target>> groups = new LinkedHashMap<>();
        for (IndicatorResult i : indicators) {
            Target t = i.target();
            if (t != null && t.conflictGroup() != null && !t.conflictGroup().isBlank()) {
                groups.computeIfAbsent(t.conflictGroup(), k -> new ArrayList<>()).add(t);
            }
        }
        List<String> notes = new ArrayList<>();
        for (List<Target> targets : groups.values()) {
            Set<String> items = new LinkedHashSet<>();
            Set<String> values = new LinkedHashSet<>();
            for (Target t : targets) {
                // the same figure under two wordings is no contradiction; a different figure or measure is
                String figure = t.comparison().symbol() + Figures.figure(t.value(), t.measure()) + " " + t.measure();
                values.add(figure);
                items.add(Messages.get("sheet.seedConflict.item", t.name() + " " + figure, t.clause()));
            }
            if (values.size() > 1) {
                notes.add(Messages.get("sheet.seedConflict", targets.get(0).name(), String.join("；", items)));
            }
        }
        return notes;
    }
}
