package dev.freshet.testing;

import dev.freshet.spec.DataSourceSpec;
import dev.freshet.spec.EntitySpec;
import dev.freshet.spec.FeatureRegistry;
import dev.freshet.spec.FeatureRow;
import dev.freshet.spec.FeatureServiceSpec;
import dev.freshet.spec.FeatureViewSpec;
import dev.freshet.spec.Materializer;
import dev.freshet.spec.StreamFeatureViewSpec;
import java.util.List;
import java.util.Optional;

/** A registry of hand-written specs, for tests that need definitions the sample does not have. */
public record TestRegistry(
    List<DataSourceSpec> dataSources,
    List<FeatureViewSpec> featureViews,
    List<StreamFeatureViewSpec> streamFeatureViews)
    implements FeatureRegistry {
  public TestRegistry(List<DataSourceSpec> dataSources, List<FeatureViewSpec> featureViews) {
    this(dataSources, featureViews, List.of());
  }

  @Override
  public List<EntitySpec> entities() {
    return List.of();
  }

  @Override
  public List<FeatureServiceSpec> featureServices() {
    return List.of();
  }

  @Override
  public Optional<Materializer<? extends FeatureRow>> materializer(String featureView) {
    return Optional.empty();
  }
}
