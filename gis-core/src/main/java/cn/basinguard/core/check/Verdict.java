package cn.basinguard.core.check;

import java.util.List;

/** The verdict on one project site: its level, the rules that apply (most severe first) and their reasons. */
public record Verdict(Level level, List<SiteRule> rules, List<String> reasons) {
    public enum Level {
        /** 符合: no red line touched. */
        PASS,
        /** 有条件符合: cultivated land outside permanent basic farmland, needs conversion approval. */
        CONDITIONAL,
        /** 不符合: permanent basic farmland or ecological red line occupied. */
        FAIL
    }

    public Verdict {
        rules = List.copyOf(rules);
        reasons = List.copyOf(reasons);
    }
}
