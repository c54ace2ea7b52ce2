package cn.basinguard.core.check;

/** What a site occupies of one of the three big classes (the sum of its land-class lines in that class). */
public record GroupArea(LandClassGroup group, MeasuredArea area) {
}
