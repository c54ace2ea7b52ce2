package cn.basinguard.core.check;

/**
 * A layer that could only be moved into the working grid approximately — Xi'an 1980 or Beijing 1954 data without the
 * seven parameters that move it to CGCS2000 — so every figure that depends on it is marked approximate.
 *
 * @param role what the layer is to the checks
 * @param source the layer as the user knows it
 * @param crsZh its CRS's Chinese name, {@code crsEn} its English one
 */
public record ApproximateLayer(LayerRole role, String source, String crsZh, String crsEn) {
}
