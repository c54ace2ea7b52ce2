package cn.basinguard.core.check;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/** One place where permanent basic farmland overlaps the ecological red line (they must not: 厅字〔2019〕48号). */
public record ConflictPatch(String basicFarmlandId, String ecoRedlineId, List<String> units, MeasuredArea area,
                            Geometry geometry) {
    public ConflictPatch {
        units = List.copyOf(units);
    }
}
