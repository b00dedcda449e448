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
import java.util.Map;
import java.util.Optional;

/**
 * The sample repository's batch side written by hand (its driver, source, push source and two
 * views), the registry the command line finds on this module's test class path: the sample's
 * generated one lives in a jar that must not carry Spark. No materializers: the Spark engine types
 * rows from the specs.
 */
public final class SampleRegistry implements FeatureRegistry {
  @Override
  public String project() {
    return "driver_churn";
  }

  @Override
  public List<EntitySpec> entities() {
    return List.of(
        new EntitySpec("driver", List.of(OfflineEngineContract.DRIVER), "driver id", Map.of(), ""));
  }

  @Override
  public List<DataSourceSpec> dataSources() {
    return List.of(OfflineEngineContract.DRIVER_STATS, OfflineEngineContract.DRIVER_STATS_PUSH);
  }

  @Override
  public List<FeatureViewSpec> featureViews() {
    return List.of(OfflineEngineContract.HOURLY, OfflineEngineContract.DAILY);
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
    return Optional.empty();
  }
}
