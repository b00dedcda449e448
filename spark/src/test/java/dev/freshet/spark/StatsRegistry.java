package dev.freshet.spark;

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

/** Hand-written views of the stats source, each with its {@link StatsMaterializer}. */
record StatsRegistry(List<DataSourceSpec> dataSources, List<FeatureViewSpec> featureViews)
    implements FeatureRegistry {
  @Override
  public List<EntitySpec> entities() {
    return List.of();
  }

  @Override
  public List<StreamFeatureViewSpec> streamFeatureViews() {
    return List.of();
  }

  @Override
  public List<FeatureServiceSpec> featureServices() {
    return List.of();
  }

  @Override
  public Optional<Materializer<? extends FeatureRow>> materializer(String featureView) {
    return Optional.of(new StatsMaterializer(featureView));
  }
}
