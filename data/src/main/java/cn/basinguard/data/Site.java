package cn.basinguard.data;

import org.locationtech.jts.geom.Polygon;

/** A proposed project site (项目选址) in EPSG:4547 metres, with the outcome the demo layout intends. */
record Site(String code, String name, String column, String category, String intent, Polygon geometry) {
    static final String CLEAN = "无压占";
    static final String BASIC_FARMLAND = "压占永久基本农田";
    static final String RED_LINE = "压占生态保护红线";
    static final String CULTIVATED = "压占一般耕地";
    static final String SPANS_UNITS = "跨两个流域片区";
    static final String NEAR_RESERVOIR = "紧邻水库";
}
