package cn.basinguard.core.check;

import cn.basinguard.core.GisException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/** The units of the units layer, by name; features that share a name form one unit. */
final class UnitCatalog {
    private UnitCatalog() {
    }

    static List<NamedUnit> build(WorkingLayer units, AreaMeter meter) {
        if (units.features().isEmpty()) {
            throw new GisException("check.units.empty", units.source());
        }
        String field = FieldPurpose.UNIT_NAME.find(units.features().get(0).source().attributes());
        if (field == null) {
            throw new GisException("check.units.noNameField", units.source(),
                    String.join(", ", units.features().get(0).source().attributes().keySet()));
        }
        Map<String, List<Geometry>> byName = new LinkedHashMap<>();
        for (WorkingFeature f : units.features()) {
            String name = f.source().text(field);
            name = name == null || name.isBlank() ? f.id() : name.trim();
            byName.computeIfAbsent(name, k -> new ArrayList<>()).add(f.geometry());
        }
        List<NamedUnit> out = new ArrayList<>();
        for (Map.Entry<String, List<Geometry>> e : byName.entrySet()) {
            Geometry g = e.getValue().size() == 1 ? e.getValue().get(0) : UnaryUnionOp.union(e.getValue());
            out.add(new NamedUnit(e.getKey(), g, meter.measure(g), new OverlapMeter(g, meter)));
        }
        return out;
    }
}
