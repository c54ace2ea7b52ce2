package cn.basinguard.core.check;

/**
 * One line of a site's land-class table: what the site occupies of one land class. A patch with a deduction (KCXS, the
 * 田坎 share) counts overlap × (1 − KCXS) here and overlap × KCXS on its deducted class's line (KCDLBM, 1203 田坎), as
 * the land survey counts TBDLMJ = TBMJ − KCMJ.
 *
 * @param dlbm the code as the data writes it (trimmed, upper case)
 * @param dlmc the class's name in the 三调 working classification; for a code the table does not know, the patches'
 *             own DLMC (or null)
 * @param group its three big class; {@link LandClassGroup#UNKNOWN} for a code the table does not know
 */
public record LandClassArea(String dlbm, String dlmc, LandClassGroup group, MeasuredArea area) {
}
