package cn.basinguard.core.check;

/**
 * What a site occupies of the land of one owner (权属单位, QSDWMC) or in one village (坐落单位, ZLDWMC): the whole
 * overlap with that holder's patches, 田坎 included.
 *
 * @param name as the data writes it (QSDWMC, ZLDWMC; the code, QSDWDM or ZLDWDM, where the name is blank); null for
 *             patches that give neither
 */
public record HolderArea(String name, MeasuredArea area) {
}
