package cn.basinguard.core.check;

/** A project site's name as the planner knows it: its name field (XMMC, 项目名称 …), else its id. */
final class SiteNames {
    private SiteNames() {
    }

    static String nameOf(WorkingFeature site) {
        String key = FieldPurpose.SITE_NAME.find(site.source().attributes());
        String v = key == null ? null : site.source().text(key);
        return v == null || v.isBlank() ? site.id() : v.trim();
    }
}
