package cn.basinguard.core.check;

import java.util.List;

/** The verdict on one project site: its level, the rules that apply (most severe first) and their reasons. */
public record Verdict(Level level, List<SiteRule> rules, List<String> reasons) {
    /** Declared from the least to the most severe. */
    public enum Level {
        /** 符合: no red line touched. */
        PASS,
        /** 有条件符合: cultivated land outside permanent basic farmland, needs conversion approval. */
        CONDITIONAL,
        /**
         * 未核查: the site does not lie wholly inside the extent of the checked data, so nothing can be said for the
         * part outside (it may hold farmland); more severe than 有条件符合, which it could hide, less than 不符合.
         */
        NOT_CHECKED,
        /** 不符合: permanent basic farmland or ecological red line occupied. */
        FAIL
    }

    public Verdict {
        rules = List.copyOf(rules);
        reasons = List.copyOf(reasons);
    }
}
