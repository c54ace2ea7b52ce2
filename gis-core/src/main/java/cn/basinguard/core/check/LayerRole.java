package cn.basinguard.core.check;

import java.util.List;
import java.util.Locale;

/**
 * What a layer means to the checks. The engine works on roles, not on file layouts: a role is recognised from
 * the layer's name (English, Chinese, or the codes of 三区三线 and 三调 databases) or set explicitly with
 * {@code --role ROLE=LAYER}.
 */
public enum LayerRole {
    UNITS("units", List.of("units", "unit", "basin_units", "流域治理单元", "流域单元", "治理单元", "流域片区", "三级流域片区", "LYZLDY")),
    CULTIVATED("cultivated", List.of("cultivated", "cultivated_land", "farmland", "耕地", "耕地图斑", "GD", "GDTB", "DLTB", "地类图斑")),
    BASIC_FARMLAND("basic_farmland", List.of("basic_farmland", "permanent_basic_farmland", "永久基本农田", "永久基本农田图斑",
            "永久基本农田保护图斑", "基本农田", "YJJBNTTB", "YJJBNT", "JBNTTB", "JBNTBHTB")),
    ECO_REDLINE("eco_redline", List.of("eco_redline", "ecological_redline", "ecological_protection_redline", "生态保护红线", "生态红线",
            "STBHHX", "STHX")),
    RESERVOIRS("reservoirs", List.of("reservoirs", "reservoir", "水库", "水库水面", "SK", "SKSM")),
    SECTIONS("sections", List.of("sections", "monitoring_sections", "监测断面", "水质监测断面", "断面", "JCDM")),
    SITES("sites", List.of("sites", "project_sites", "项目选址", "项目用地", "建设项目", "XMXZ", "XMYD")),
    /**
     * The 三调 land-use layer with all its land classes, for a site's occupation by land class, owner and patch. A DLTB
     * recognised as cultivated land (and holding DLBM) plays this role too ({@link DatasetLoader}); a layer given this
     * role alone also serves as cultivated land, its 01xx parcels.
     */
    LAND_USE("land_use", List.of("land_use", "landuse", "土地利用现状", "土地利用现状图斑", "三调地类图斑"));

    private final String key;
    private final List<String> names;

    LayerRole(String key, List<String> names) {
        this.key = key;
        this.names = names;
    }

    /** The role's name on the command line and in JSON ({@code basic_farmland}, {@code eco_redline} …). */
    public String key() {
        return key;
    }

    /** Layer names that mean this role, compared case-insensitively; the first is the English key. */
    public List<String> names() {
        return names;
    }

    public static LayerRole fromKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (LayerRole r : values()) {
            if (r.key.equals(k)) {
                return r;
            }
        }
        return null;
    }
}
