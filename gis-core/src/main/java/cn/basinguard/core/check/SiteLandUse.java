package cn.basinguard.core.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * A site's occupation of the land-use layer, patch by patch: each patch's overlap goes to its land class (less its
 * deduction, which goes to the deducted class, 1203 田坎), to its owner and its village, and becomes a row of the patch
 * table. The part of the site the layer covers is the sum of the overlaps (a land-use layer tiles the land), or their
 * union where they add up to more than the site, so that a site partly off the layer, or a layer whose patches overlap,
 * shows in the reconciliation rather than in a wrong total. Patches are taken in id order, so every figure is the same
 * whatever order the index returned them in.
 */
final class SiteLandUse {
    private final LandClasses table;
    private final AreaMeter meter;
    private final CheckParameters parameters;
    private final SurveyFields fields;

    /** @param fields the land-use layer's fields */
    SiteLandUse(LandClasses table, AreaMeter meter, CheckParameters parameters, SurveyFields fields) {
        this.table = table;
        this.meter = meter;
        this.parameters = parameters;
        this.fields = fields;
    }

    /** A patch a site occupies more than the overlap threshold of, and the piece it occupies. */
    record Hit(WorkingFeature feature, OverlapMeter.Piece piece) {
        /**
         * By patch id, then feature id: one comparison where a chain of comparators made four calls a comparison that
         * the check's quick compiler does not inline (sorting a site's few hundred patches: 2 % of a county check).
         */
        static final Comparator<Hit> IN_ID_ORDER = (a, b) -> {
            int c = a.feature.id().compareTo(b.feature.id());
            return c != 0 ? c : Long.compare(a.feature.source().fid(), b.feature.source().fid());
        };

        MeasuredArea area() {
            return piece.area();
        }
    }

    /**
     * The occupation and the patch rows (appended to {@code patches}); what the patches get wrong goes to {@code issues}.
     *
     * @param hits the land-use patches the site occupies, with their pieces, in any order
     * @param full a patch with all its attributes (the checks read only DLBM and the deduction with the geometry)
     */
    LandUseOccupation measure(MeasuredArea siteArea, String siteName, List<Hit> hits, Function<WorkingFeature, SourceFeature> full,
                              List<OccupiedPatch> patches, Consumer<DataQualityIssue> issues) {
        List<Hit> sorted = new ArrayList<>(hits);
        sorted.sort(Hit.IN_ID_ORDER);
        Map<String, MeasuredArea> byClass = new HashMap<>();
        Map<String, String> unknownNames = new HashMap<>();
        Map<String, MeasuredArea> owners = new LinkedHashMap<>();
        Map<String, MeasuredArea> villages = new LinkedHashMap<>();
        List<Geometry> pieces = new ArrayList<>();
        List<MeasuredArea> pieceAreas = new ArrayList<>();
        for (Hit h : sorted) {
            WorkingFeature c = h.feature();
            SourceFeature f = full.apply(c);
            String dlbm = LandClasses.normalise(fields.text(f, FieldPurpose.LAND_CLASS));
            String key = dlbm == null ? "" : dlbm;
            if (table.of(dlbm) == null) {
                issues.accept(new DataQualityIssue(DataQualityIssue.Kind.UNKNOWN_LAND_CLASS, fields.layer(), c.id(), key,
                        DataQualityIssue.Handling.USED_AS_IS));
                String dlmc = fields.text(f, FieldPurpose.LAND_CLASS_NAME);
                if (dlmc != null) {
                    unknownNames.putIfAbsent(key, dlmc);
                }
            }
            double rate = fields.deductionRate(f, c.id(), issues);
            MeasuredArea whole = h.area();
            if (rate > 0) {
                byClass.merge(key, scaled(whole, 1 - rate), MeasuredArea::plus);
                byClass.merge(fields.deductedClass(f), scaled(whole, rate), MeasuredArea::plus);
            } else {
                byClass.merge(key, whole, MeasuredArea::plus);
            }
            owners.merge(nullToEmpty(fields.owner(f)), whole, MeasuredArea::plus);
            villages.merge(nullToEmpty(fields.village(f)), whole, MeasuredArea::plus);
            pieces.add(h.piece().piece());
            pieceAreas.add(whole);
            patches.add(fields.row(LayerRole.LAND_USE, c, f, whole));
        }
        List<LandClassArea> classes = new ArrayList<>();
        Map<LandClassGroup, MeasuredArea> groups = new EnumMap<>(LandClassGroup.class);
        byClass.keySet().stream().sorted().forEach(code -> {
            LandClasses.LandClass known = table.of(code);
            LandClassGroup group = known == null ? LandClassGroup.UNKNOWN : known.group();
            MeasuredArea a = byClass.get(code);
            classes.add(new LandClassArea(code, known == null ? unknownNames.get(code) : known.name(), group, a));
            groups.merge(group, a, MeasuredArea::plus);
        });
        // the three big classes always, so a summary shows a class the site leaves alone as 0; unknown codes only if met
        List<GroupArea> groupList = new ArrayList<>();
        for (LandClassGroup g : LandClassGroup.values()) {
            if (g != LandClassGroup.UNKNOWN || groups.containsKey(g)) {
                groupList.add(new GroupArea(g, groups.getOrDefault(g, MeasuredArea.ZERO)));
            }
        }
        MeasuredArea inside = unionArea(pieces, pieceAreas, siteArea);
        MeasuredArea covered = MeasuredArea.ZERO;
        for (LandClassArea c : classes) {
            covered = covered.plus(c.area());
        }
        MeasuredArea doubleCounted = noise(covered.minus(inside));
        if (!doubleCounted.isZero()) {
            issues.accept(new DataQualityIssue(DataQualityIssue.Kind.LAND_USE_OVERLAP, fields.layer(), null, siteName,
                    DataQualityIssue.Handling.USED_AS_IS));
        }
        MeasuredArea outside = noise(siteArea.minus(inside));
        return new LandUseOccupation(classes, groupList, holders(owners), holders(villages), inside, outside, doubleCounted,
                siteArea.minus(covered).plus(doubleCounted).minus(outside));
    }

    /**
     * The area the pieces cover together. A land-use layer tiles the land (三调 DLTB pass a topology check for it), so its
     * pieces of a site meet only along their edges and together cover their sum: the sum is taken unless it exceeds the
     * site's own area, which only patches overlapping each other can make it do; then the pieces are unioned and
     * measured once. (Testing every pair of neighbouring pieces for overlap, or unioning them always, would cost more
     * than the rest of a site's check; an overlap smaller than a gap in the same site is left to the layer's own
     * topology check.)
     */
    private MeasuredArea unionArea(List<Geometry> pieces, List<MeasuredArea> areas, MeasuredArea siteArea) {
        MeasuredArea sum = MeasuredArea.ZERO;
        for (MeasuredArea a : areas) {
            sum = sum.plus(a);
        }
        // planar: the ellipsoidal sum of pieces that tile the site exceeds the site's own by ~10⁻⁷ (see noise)
        if (pieces.size() < 2 || sum.planarM2() <= siteArea.planarM2() + parameters.minOverlapM2()) {
            return sum;
        }
        return meter.measure(OverlayNGRobust.union(pieces));
    }

    static MeasuredArea scaled(MeasuredArea a, double factor) {
        return new MeasuredArea(a.m2() * factor, a.planarM2() * factor);
    }

    /**
     * A difference of two measurements of one area is noise below the overlap threshold: zero. Judged on the planar
     * figure, which adds up: the ellipsoidal areas of a site's pieces add up to the site's own only to ~10⁻⁷ (the 32号
     * procedure rounds coordinates and densifies each edge over 70 m by that edge's length, so an edge split at a
     * patch boundary is measured along other points) — 0.06 m² on a 72 ha site, which must not read as land the
     * layer leaves uncovered, nor as −0.02 m² of it.
     */
    private MeasuredArea noise(MeasuredArea a) {
        return Math.abs(a.planarM2()) <= parameters.minOverlapM2() ? MeasuredArea.ZERO : a;
    }

    private static List<HolderArea> holders(Map<String, MeasuredArea> sums) {
        List<HolderArea> out = new ArrayList<>();
        sums.forEach((name, a) -> out.add(new HolderArea(name.isEmpty() ? null : name, a)));
        // largest first; equal areas by name, so the order never depends on the patches' order
        out.sort(Comparator.comparingDouble((HolderArea h) -> -h.area().m2())
                .thenComparing(h -> h.name() == null ? "" : h.name()));
        return out;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
