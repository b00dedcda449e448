package dev.freshet.runtime.online;

import dev.freshet.spec.FeatureViewSpec;
import java.util.List;

/**
 * Features of one view to read for some entities.
 *
 * @param entities each entity's join key values, in the order of the view's join keys
 */
public record ViewRead(FeatureViewSpec view, List<String> features, List<List<Object>> entities) {}
