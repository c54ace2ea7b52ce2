package cn.basinguard.core.check;

/** The part of a project site that lies in one unit. */
public record UnitShare(String unit, MeasuredArea area) {
}
