package cn.basinguard.data;

import org.locationtech.jts.geom.Coordinate;

/** A water-quality monitoring section (监测断面) with its monthly GB 3838 classes for one year. */
record Section(String code, String name, String level, int unit, double targetRate, String comparison,
               boolean inAnnex3, String listedIn, Coordinate lonLat, String[] monthlyClasses) {
}
