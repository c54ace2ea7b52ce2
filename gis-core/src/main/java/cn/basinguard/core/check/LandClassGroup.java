package cn.basinguard.core.check;

import cn.basinguard.core.i18n.Messages;

/**
 * The three big classes of the Land Administration Law (《土地管理法》 第四条: 农用地、建设用地、未利用地), into which every
 * land class of the survey falls (GB/T 21010-2017 附录 A); {@link #UNKNOWN} holds the codes the table does not know.
 */
public enum LandClassGroup {
    AGRICULTURAL("农用地"), CONSTRUCTION("建设用地"), UNUSED("未利用地"), UNKNOWN(null);

    private final String term;

    LandClassGroup(String term) {
        this.term = term;
    }

    /** The statute's own term (农用地 …), the same in every language: the JSON's {@code class3}; null for UNKNOWN. */
    public String term() {
        return term;
    }

    /** The name in the current language, for sheets. */
    public String label() {
        return Messages.get("landClassGroup." + name());
    }
}
