package cn.basinguard.data;

/**
 * One row of the bottom-line target table: a target with the clause it comes from. Rows sharing a
 * conflictGroup state the same quantity differently in different clauses of the seed.
 */
record BottomLine(String unit, String code, String name, double target, String measure, String comparison,
                  String clause, String quote, String conflictGroup) {
}
