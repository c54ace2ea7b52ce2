package cn.basinguard.core.check;

/**
 * One bottom line of the control list: for a unit (or the whole district), an indicator, its target and where the
 * figure comes from. Several targets may share an indicator when the source document contradicts itself; they
 * then share a {@code conflictGroup} and each is checked and shown with its own clause.
 *
 * @param unit the unit name, or the district's name for district-wide targets
 * @param indicator the indicator code (see {@link Indicator})
 * @param name the indicator as the document words it
 * @param value the target value in {@code measure}
 * @param measure 万亩, 平方公里, 座, %, 个 …
 * @param comparison how the measured figure must relate to the target
 * @param clause the clause the target comes from ("附件3 一、涢水片区 耕地保护红线")
 * @param quote the document's own words
 * @param conflictGroup non-null when other targets contradict this one
 */
public record Target(String unit, String indicator, String name, double value, String measure, Comparison comparison,
                     String clause, String quote, String conflictGroup) {
}
