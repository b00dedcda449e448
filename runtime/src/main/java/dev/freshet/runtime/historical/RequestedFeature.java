package dev.freshet.runtime.historical;

import dev.freshet.spec.FeatureSpec;
import dev.freshet.spec.FeatureViewSpec;

/**
 * One output column of a historical retrieval: {@code feature} of {@code view}, named {@code
 * column} in the result ({@code conv_rate}, or {@code driver_hourly_stats__conv_rate} with full
 * feature names, the view part being the service's alias when it gives one).
 */
public record RequestedFeature(FeatureViewSpec view, FeatureSpec feature, String column) {}
