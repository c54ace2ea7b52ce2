package cn.basinguard.core.check;

/**
 * One patch a site occupies (压占图斑): of the land-use layer (or of cultivated land when there is none), of permanent
 * basic farmland or of the ecological red line, with its 三调 fields as the data gives them (null where the layer has
 * no such field).
 *
 * @param id the patch id as the checks name it (BSM, TBBH … or the fid)
 * @param tbmj the patch's stated area (TBMJ; MJ on red-line patches), m², or null
 * @param area the occupied area (YZMJ): the overlap, whole (田坎 included)
 * @param patchArea the patch's own measured area
 */
public record OccupiedPatch(LayerRole role, String id, String tbbh, String dlbm, String dlmc, String qsxz, String qsdwmc,
                            String zldwmc, Double tbmj, MeasuredArea area, MeasuredArea patchArea) {
    /** 压占比: the occupied share of the patch, ellipsoidal areas, 0–1 (unrounded). */
    public double share() {
        return patchArea.m2() > 0 ? area.m2() / patchArea.m2() : 0;
    }
}
