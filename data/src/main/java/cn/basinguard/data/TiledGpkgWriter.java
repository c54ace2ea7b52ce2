package cn.basinguard.data;

import cn.basinguard.core.gpkg.FeatureTableWriter;
import cn.basinguard.core.gpkg.GeoPackageWriter;
import cn.basinguard.core.gpkg.GpkgSrs;
import cn.basinguard.core.measure.AreaUnits;
import cn.basinguard.core.measure.EllipsoidalArea;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Writes the tiled generator's file as the tiles come: every patch goes into the GeoPackage as soon as its tile is
 * done, nothing of a written tile is kept, and the R-trees are filled in one pass on commit. The schema and the
 * fixed rows are the sample's ({@link SampleTables}); attribute rules too (the DLTB's 三调 fields by
 * {@link SampleTables#landUseValues}: per-village TBBH, owners, TBMJ ellipsoidal, 田坎 on 耕地 by {@link Tillage}; other
 * layers' TBMJ/MJ planar, of the repaired shape for a faulty patch). Deliberate faults and conflicts are listed in YLQX.
 */
final class TiledGpkgWriter implements AutoCloseable {
    /** Features and vertices written per layer, conflicts and faults: what the generator reports. */
    static final class Counts {
        final long[] features = new long[3];
        /** 耕地 patches among the land-use features. */
        long cultivated;
        final long[] vertices = new long[3];
        final int[] maxVertices = new int[3];
        long conflicts;
        final Map<PatchDefects.Kind, Long> faults = new EnumMap<>(PatchDefects.Kind.class);
    }

    private static final EllipsoidalArea ELLIPSOIDAL = EllipsoidalArea.standard();
    private static final String[] LAYERS = {SampleLayers.CULTIVATED, SampleLayers.BASIC_FARMLAND, SampleLayers.RED_LINE};
    private final GeoPackageWriter w;
    private final GeometryFactory gf;
    private final Villages villages;
    private final Map<String, Integer> perVillage = new HashMap<>();
    private final String parameters;
    final Counts counts = new Counts();

    TiledGpkgWriter(Path target, DistrictLayout layout, String parameters, GeometryFactory gf)
            throws IOException, SQLException {
        this.w = GeoPackageWriter.create(target, SampleTables.TIMESTAMP, FeatureTableWriter.SpatialIndex.AT_FINISH);
        this.gf = gf;
        this.villages = new Villages(layout);
        this.parameters = parameters;
        w.addSrs(GpkgSrs.CGCS2000);
        w.addSrs(GpkgSrs.CGCS2000_GK3_ZONE38);
        w.addSrs(GpkgSrs.CGCS2000_GK3_CM114);
        SampleTables.createUnits(w);
        SampleTables.insertUnits(w, layout, gf);
        SampleTables.createLandUse(w);
        SampleTables.createBasicFarmland(w);
        SampleTables.createRedLine(w);
        SampleTables.createDefects(w);
    }

    /** The layers that do not come tile by tile; the big red-line polygons (if any) first, as STBHHX fids 1, 2, …. */
    void writeFixed(List<RedCorridors.Corridor> corridors, List<Reservoir> reservoirs, List<Section> sections,
                    List<Site> sites, List<BottomLine> targets, List<String[]> notes) throws SQLException {
        for (RedCorridors.Corridor c : corridors) {
            PatchDefects.Stored s = PatchDefects.plain(c.polygon());
            insert(2, c.unit(), s, SampleTables.redLineValues((int) counts.features[2], c.unit(), s.area()));
        }
        for (Reservoir r : reservoirs) {
            // the reservoirs' water is land use too (1103): the cells around them are cut to their shores
            PatchDefects.Stored s = PatchDefects.plain(r.surface());
            landUse(new TileOutput.LandUse(r.unit(), s, "1103", null, -1,
                    ELLIPSOIDAL.area(SampleTables.zone38(r.surface(), gf), SampleCrs.GK_ZONE38)), null);
        }
        SampleTables.writeReservoirs(w, reservoirs, gf);
        SampleTables.writeSections(w, sections, gf);
        SampleTables.writeSites(w, sites, gf);
        SampleTables.writeTargets(w, targets);
        SampleTables.writeNotes(w, parameters, notes, SampleTables.AREA_NOTE);
    }

    void write(TileOutput t) throws SQLException {
        Map<Long, String> tbbhByKey = new HashMap<>();
        Map<Long, Tillage> tillageByKey = new HashMap<>();
        for (TileOutput.LandUse p : t.landUse) {
            String tbbh = landUse(p, note(p.stored()));
            if (p.tillage() != null) {
                tbbhByKey.put(p.key(), tbbh);
                tillageByKey.put(p.key(), p.tillage());
            }
        }
        long redBase = counts.features[2];
        for (TileOutput.Patch p : t.farmland) {
            long i = counts.features[1];
            String[] v = villages.at(p.unit(), shifted(p.stored().envelope()));
            Tillage dl = tillageByKey.get(p.key());
            String bz = p.link() != TileOutput.NONE ? "示例缺陷：" + Defect.RED_LINE_CONFLICT : note(p.stored());
            long fid = insert(1, p.unit(), p.stored(), String.format("4213033%011d", i + 1), "2004010100",
                    String.format("JB%06d", i + 1), tbbhByKey.get(p.key()), dl.dlbm(), dl.dlmc(), v[0], v[1],
                    SampleTables.round2(p.stored().area()), 2023, Annex3.UNIT_NAMES[p.unit()], bz);
            fault(SampleLayers.BASIC_FARMLAND, fid, p.stored());
            if (p.link() != TileOutput.NONE) {
                long redFid = p.link() >= 0 ? redBase + p.link() + 1 : -1 - p.link();
                String how = p.link() >= 0 ? "生态保护红线图斑（STBHHX fid " + redFid + "）沿图斑边缘画入10米以上"
                        : "生态保护红线（STBHHX fid " + redFid + "）与之重叠（图斑越过红线边界10米以上）";
                SampleTables.insertDefect(w, SampleLayers.BASIC_FARMLAND, fid, Defect.RED_LINE_CONFLICT,
                        "该永久基本农田图斑被" + how + "，违反三线不交叉不重叠");
                counts.conflicts++;
            }
        }
        for (TileOutput.Patch p : t.red) {
            long fid = insert(2, p.unit(), p.stored(),
                    SampleTables.redLineValues((int) counts.features[2], p.unit(), p.stored().area()));
            fault(SampleLayers.RED_LINE, fid, p.stored());
        }
    }

    /** Writes one DLTB patch (TBBH numbered per village, TBMJ its ellipsoidal area); returns its TBBH. */
    private String landUse(TileOutput.LandUse p, String bz) throws SQLException {
        String[] v = villages.at(p.unit(), shifted(p.stored().envelope()));
        String tbbh = String.valueOf(perVillage.merge(v[0], 1, Integer::sum));
        Object[] values = SampleTables.landUseValues(counts.features[0], tbbh, p.dlbm(), p.tillage(), v,
                AreaUnits.squareMetres(p.tbmj()), p.unit(), bz);
        long fid = insert(0, p.unit(), p.stored(), values);
        if (p.tillage() != null) {
            counts.cultivated++;
        }
        fault(SampleLayers.CULTIVATED, fid, p.stored());
        return tbbh;
    }

    /** Metadata, R-trees, VACUUM, and the atomic move into place. */
    void commit() throws SQLException, IOException {
        SampleTables.addFileMetadata(w, parameters);
        w.commit();
    }

    @Override
    public void close() throws SQLException, IOException {
        w.close();
    }

    private long insert(int layer, int unit, PatchDefects.Stored s, Object... values) throws SQLException {
        long fid = w.insertFeatureWkb(LAYERS[layer], s.wkb(), s.envelope(), values);
        counts.features[layer]++;
        counts.vertices[layer] += s.vertices();
        counts.maxVertices[layer] = Math.max(counts.maxVertices[layer], s.vertices());
        return fid;
    }

    private void fault(String layer, long fid, PatchDefects.Stored s) throws SQLException {
        if (s.fault() != null) {
            SampleTables.insertDefect(w, layer, fid, s.fault().label, s.fault().description);
            counts.faults.merge(s.fault(), 1L, Long::sum);
        }
    }

    private static String note(PatchDefects.Stored s) {
        return s.fault() == null ? null : "示例缺陷：" + s.fault().label;
    }

    /** The envelope back in the design grid (EPSG:4547), where the village grid is laid out. */
    private static Envelope shifted(Envelope e) {
        return new Envelope(e.getMinX() - SampleCrs.ZONE38_PREFIX, e.getMaxX() - SampleCrs.ZONE38_PREFIX, e.getMinY(),
                e.getMaxY());
    }
}
