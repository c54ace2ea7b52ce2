package cn.basinguard.data;

/** A deliberate data defect: layer table, 0-based index in that layer's write order (fid − 1), type, note. */
record Defect(String layer, int index, String type, String description) {
    static final String SELF_INTERSECTION = "自相交（蝴蝶结）";
    static final String DUPLICATE_VERTEX = "重复节点";
    static final String SLIVER = "碎片多边形";
    static final String RED_LINE_CONFLICT = "永久基本农田与生态保护红线重叠";
}
