package cn.basinguard.app.ui;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.measure.EllipsoidalArea;
import cn.basinguard.core.measure.GeodesicLength;
import cn.basinguard.core.report.Figures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * What the measuring tools show: lengths on the CGCS2000 ellipsoid (geodesics) and areas by the 三调 ellipsoidal
 * formulas — the same area the checks and sheets use, so a measured patch and a reported one agree.
 */
final class MeasureText {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private MeasureText() {
    }

    static String of(MapTool tool, List<Coordinate> points, Crs crs) {
        if (points.size() < 2 || crs == null) {
            return UiText.get(tool == MapTool.MEASURE_LENGTH ? "measure.lengthHint" : "measure.areaHint");
        }
        if (tool == MapTool.MEASURE_LENGTH || points.size() < 3) {
            return UiText.get("measure.length", length(GeodesicLength.of(points.toArray(new Coordinate[0]), crs)));
        }
        List<Coordinate> ring = new ArrayList<>(points);
        ring.add(points.get(0));
        double perimeter = GeodesicLength.of(ring.toArray(new Coordinate[0]), crs);
        var polygon = FACTORY.createPolygon(ring.toArray(new Coordinate[0]));
        if (!polygon.isValid()) {
            return UiText.get("measure.selfIntersecting", length(perimeter));
        }
        double m2 = EllipsoidalArea.standard().area(polygon, crs);
        return UiText.get("measure.area", Figures.m2Text(m2), Figures.muText(m2), length(perimeter));
    }

    private static String length(double m) {
        return m >= 10_000 ? String.format(Locale.ROOT, "%,.3f km", m / 1000) : String.format(Locale.ROOT, "%,.2f m", m);
    }
}
