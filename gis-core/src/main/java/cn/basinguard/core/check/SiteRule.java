package cn.basinguard.core.check;

import cn.basinguard.core.i18n.Messages;

/**
 * The rules behind a project site's verdict, in one table (documented in the README and printed on the site
 * review sheet). The wording is ours; the legal basis is cited by each rule. The most severe rule that applies
 * decides the verdict; every rule that applies is listed as a reason.
 */
public enum SiteRule {
    /** 压占永久基本农田: 《土地管理法》第三十五条、第四十四条. */
    BASIC_FARMLAND_OCCUPIED("R1", Verdict.Level.FAIL, LayerRole.BASIC_FARMLAND),
    /** 压占生态保护红线: 厅字〔2019〕48号、自然资发〔2022〕142号. */
    ECO_REDLINE_OCCUPIED("R2", Verdict.Level.FAIL, LayerRole.ECO_REDLINE),
    /** 占用耕地（永久基本农田以外）: 《土地管理法》第三十条、第四十四条 — allowed with approval and 占补平衡. */
    CULTIVATED_OCCUPIED("R3", Verdict.Level.CONDITIONAL, LayerRole.CULTIVATED),
    /** 不在核查范围: the site does not lie wholly inside the extent of the units (or red-line layers) — never 符合. */
    OUT_OF_SCOPE("R4", Verdict.Level.NOT_CHECKED, null),
    /** 不涉及以上控制线. */
    CLEAR("R0", Verdict.Level.PASS, null);

    private final String id;
    private final Verdict.Level level;
    private final LayerRole role;

    SiteRule(String id, Verdict.Level level, LayerRole role) {
        this.id = id;
        this.level = level;
        this.role = role;
    }

    public String id() {
        return id;
    }

    public Verdict.Level level() {
        return level;
    }

    /** The red-line layer whose overlap triggers the rule; null for {@link #OUT_OF_SCOPE} and {@link #CLEAR}. */
    public LayerRole role() {
        return role;
    }

    /** The legal basis, as printed on the sheet. */
    public String basis() {
        return Messages.get("rule." + id + ".basis");
    }

    /** The reason, with the overlap area put in (m² and 亩, already rounded for display); see {@link SiteVerdicts} for R4. */
    public String reason(String m2, String mu) {
        return Messages.get("rule." + id + ".reason", m2, mu);
    }
}
