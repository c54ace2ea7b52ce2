package cn.basinguard.core.report;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * What the map frame of a sheet shows, in the report's working grid (metres, x east, y north): the area to frame
 * and the layers to draw over it.
 */
public record SheetMap(Envelope extent, List<Layer> layers) {
    public enum Kind { UNIT, SITE, CULTIVATED, BASIC_FARMLAND, ECO_REDLINE, CONFLICT }

    public record Layer(Kind kind, String label, List<Geometry> geometries) {
        public Layer {
            geometries = List.copyOf(geometries);
        }
    }

    public SheetMap {
        extent = new Envelope(extent);
        layers = List.copyOf(layers);
    }
}
