package cn.basinguard.core.gpkg;

/** Receives features as they are read, in key order. */
@FunctionalInterface
public interface FeatureSink {
    void accept(Feature feature);
}
