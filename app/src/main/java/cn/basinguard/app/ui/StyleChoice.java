package cn.basinguard.app.ui;

import cn.basinguard.core.map.LayerStyle;

/**
 * What the user chose in the style dialog.
 *
 * @param labelField the field to label by, or null for no labels
 */
record StyleChoice(LayerStyle style, double opacity, String labelField) {
}
