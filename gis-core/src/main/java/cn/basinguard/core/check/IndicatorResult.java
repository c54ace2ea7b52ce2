package cn.basinguard.core.check;

/**
 * One line of a unit's bottom-line table: the target (with its clause), the measured figure in the target's
 * measure, the difference and the status. {@code measured} and {@code difference} are already rounded the way the
 * figure is compared and shown (万亩 and km² to 2 decimals, % to 1), so every output prints the same digits.
 *
 * @param indicator null when the target's indicator code is not one the checks can measure
 * @param target null for a measured figure that has no target in the control list
 */
public record IndicatorResult(Indicator indicator, Target target, Double measured, String measure, Double difference,
                              Status status) {
    public enum Status {
        /** the target holds */
        PASS,
        /** the target does not hold */
        FAIL,
        /** measured, but the control list sets no target */
        NO_TARGET,
        /** there is a target but nothing to measure it on (layer absent, indicator unknown) */
        NO_DATA
    }
}
