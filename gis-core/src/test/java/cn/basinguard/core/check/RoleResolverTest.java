package cn.basinguard.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.GisException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleResolverTest {
    static LayerCandidate layer(String table) {
        return new LayerCandidate("/data/a.gpkg", table, table, true);
    }

    @Test
    void recognisesSurveyCodesChineseAndEnglishNames() {
        List<LayerCandidate> layers = List.of(layer("LYZLDY"), layer("DLTB"), layer("YJJBNTTB_421303"), layer("曾都区生态保护红线"),
                layer("reservoirs"), layer("监测断面"), layer("XMXZ"), layer("roads"),
                new LayerCandidate("/data/a.gpkg", "DXZB", "底线指标", false));
        RoleResolver.Resolution r = RoleResolver.resolve(layers, Map.of());
        assertEquals("LYZLDY", r.roles().get(LayerRole.UNITS).table());
        assertEquals("DLTB", r.roles().get(LayerRole.CULTIVATED).table());
        assertEquals("YJJBNTTB_421303", r.roles().get(LayerRole.BASIC_FARMLAND).table());
        assertEquals("曾都区生态保护红线", r.roles().get(LayerRole.ECO_REDLINE).table());
        assertEquals("reservoirs", r.roles().get(LayerRole.RESERVOIRS).table());
        assertEquals("监测断面", r.roles().get(LayerRole.SECTIONS).table());
        assertEquals("XMXZ", r.roles().get(LayerRole.SITES).table());
        assertEquals("DXZB", r.targets().table());
        assertEquals(7, r.roles().size(), "roads plays no role");
    }

    @Test
    void anExactNameBeatsAPartialOne() {
        RoleResolver.Resolution r = RoleResolver.resolve(List.of(layer("永久基本农田"), layer("永久基本农田_2020备份")), Map.of());
        assertEquals("永久基本农田", r.roles().get(LayerRole.BASIC_FARMLAND).table());
    }

    @Test
    void twoEqualCandidatesAreNotGuessed() {
        GisException e = assertThrows(GisException.class, () -> RoleResolver.resolve(
                List.of(layer("YJJBNTTB"), new LayerCandidate("/data/b.gpkg", "YJJBNTTB", null, true)), Map.of()));
        assertEquals("role.ambiguous", e.key());
        assertTrue(e.getMessage().contains("a.gpkg / YJJBNTTB") && e.getMessage().contains("b.gpkg / YJJBNTTB"), e.getMessage());
        assertTrue(e.getMessage().contains("--role basic_farmland="), e.getMessage());
    }

    @Test
    void explicitRolesWinAndResolveAcrossFiles() {
        List<LayerCandidate> layers = List.of(layer("YJJBNTTB"), new LayerCandidate("/data/b.gpkg", "YJJBNTTB", null, true),
                new LayerCandidate("/data/b.gpkg", "my sites; DROP", null, true));
        RoleResolver.Resolution r = RoleResolver.resolve(layers, Map.of("basic_farmland", "b.gpkg:YJJBNTTB", "sites", "my sites; DROP"));
        assertEquals("/data/b.gpkg", r.roles().get(LayerRole.BASIC_FARMLAND).file());
        assertEquals("my sites; DROP", r.roles().get(LayerRole.SITES).table());
        assertNull(r.targets());
    }

    @Test
    void unknownRoleOrLayerSaysWhatExists() {
        GisException e = assertThrows(GisException.class, () -> RoleResolver.resolve(List.of(layer("DLTB")), Map.of("farms", "DLTB")));
        assertEquals("role.unknown", e.key());
        assertTrue(e.getMessage().contains("basic_farmland"));
        e = assertThrows(GisException.class, () -> RoleResolver.resolve(List.of(layer("DLTB")), Map.of("units", "流域")));
        assertEquals("role.layerNotFound", e.key());
        assertTrue(e.getMessage().contains("a.gpkg / DLTB"));
    }
}
