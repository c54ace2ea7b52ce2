package cn.basinguard.data;

import java.util.List;

/** The calibrated land layers before defects are injected; free cells hold no patch of any layer. */
record LandPlan(List<LandPatch> cultivated, List<LandPatch> basicFarmland, List<LandPatch> redLine,
                List<Cell> freeCells) {
}
