package cn.basinguard.core.check;

import java.util.List;

/**
 * What a project site occupies of the land-use layer: by land class (耕地 net of 田坎, 田坎 its own line), by three big
 * class, by owner and by village, with the reconciliation a reviewer checks: the land-class lines add up to the part
 * of the site the land-use patches cover ({@link #covered()}), which with the part they leave uncovered
 * ({@link #outside()}) makes the site's area. Where land-use patches overlap each other inside the site (they should
 * tile the land), the lines count the overlap twice: {@link #doubleCounted()} says how much.
 *
 * @param classes land-class lines in code order
 * @param groups the three big classes in the statute's order (all three, 0 where none is occupied), then UNKNOWN when
 *               a code the table does not know was met
 * @param owners by 权属单位, largest first
 * @param villages by 坐落单位, largest first
 * @param inside the site's area inside the land-use layer: the sum of the patches' overlaps, or their union when they
 *               add up to more than the site (patches overlapping each other)
 * @param outside the site's area the land-use layer does not cover (the site's area minus {@code inside}; below the
 *                overlap threshold it is zero)
 * @param doubleCounted the sum of the lines minus {@code inside} (zero below the overlap threshold)
 * @param pieceDifference what is left of the site's area when the lines, less {@code doubleCounted}, and {@code outside}
 *                        are taken away: each piece's 32号 area is measured on its own (coordinates rounded, each edge
 *                        densified by its own length), so pieces that tile a site add up to its own area only to ~10⁻⁷ —
 *                        a few hundredths of a m², not a gap in the layer; with it the table adds up as printed
 */
public record LandUseOccupation(List<LandClassArea> classes, List<GroupArea> groups, List<HolderArea> owners,
                                List<HolderArea> villages, MeasuredArea inside, MeasuredArea outside, MeasuredArea doubleCounted,
                                MeasuredArea pieceDifference) {
    public LandUseOccupation {
        classes = List.copyOf(classes);
        groups = List.copyOf(groups);
        owners = List.copyOf(owners);
        villages = List.copyOf(villages);
    }

    /** The sum of the land-class lines: the site's area covered by land-use patches, each counted. */
    public MeasuredArea covered() {
        MeasuredArea sum = MeasuredArea.ZERO;
        for (LandClassArea c : classes) {
            sum = sum.plus(c.area());
        }
        return sum;
    }

    /** 耕地 occupied, net of 田坎: the lines of DLBM 01xx (011–013). */
    public MeasuredArea cultivated() {
        MeasuredArea sum = MeasuredArea.ZERO;
        for (LandClassArea c : classes) {
            if (LandClasses.isCultivated(c.dlbm())) {
                sum = sum.plus(c.area());
            }
        }
        return sum;
    }
}
