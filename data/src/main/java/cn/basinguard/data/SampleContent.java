package cn.basinguard.data;

import java.util.List;

/** Everything the sample file holds, in write order (fid = list index + 1). */
record SampleContent(long seed, String scale, DistrictLayout layout, LandPlan land, List<LandUseMosaic.Patch> landUse,
                     List<Reservoir> reservoirs,
                     List<Section> sections, List<Site> sites, List<BottomLine> targets, List<Defect> defects) {
}
