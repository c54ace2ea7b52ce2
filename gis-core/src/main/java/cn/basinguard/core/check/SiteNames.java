package cn.basinguard.core.check;

/** A project site's name as the planner knows it: its name field (XMMC, 项目名称 …), else its id. */
final class SiteNames {
    private SiteNames() {
    }

    static String nameOf(SourceFeature site, String id) {
        String key = FieldPurpose.SITE_NAME.find(site.attributes());
        String v = key == null ? null : site.text(key);
        return v == null || v.isBlank() ? id : v.trim();
    }
}
