package dev.freshet.runtime.historical;

import dev.freshet.client.FeatureRef;
import dev.freshet.client.TrainingDataSource;
import dev.freshet.runtime.config.FreshetConfig;
import dev.freshet.runtime.config.OfflineConfig;
import dev.freshet.spec.FeatureRegistry;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Training data from Java, as Feast's {@code get_historical_features}: name features or a feature
 * service, give entity rows, get a table or a file. Injected in the server and the CLI; {@link
 * #open(Path)} gives one without either. As a {@link TrainingDataSource} it feeds the generated
 * clients' {@code trainingRows}.
 */
@Singleton
public class HistoricalFeatures implements TrainingDataSource {
  private final FeatureRegistry registry;
  private final OfflineEngine engine;

  public HistoricalFeatures(FeatureRegistry registry, OfflineEngine engine) {
    this.registry = registry;
    this.engine = engine;
  }

  /**
   * Retrieval over the feature repository on the class path, its sources resolved against {@code
   * repoPath}.
   */
  public static HistoricalFeatures open(Path repoPath) {
    FeatureRegistry registry = FeatureRegistry.load(HistoricalFeatures.class.getClassLoader());
    FreshetConfig config = new FreshetConfig();
    config.setRepoPath(repoPath.toString());
    return new HistoricalFeatures(
        registry, new DuckDbOfflineEngine(registry, config, new OfflineConfig()));
  }

  /** The features named {@code view:feature}. */
  public HistoricalQuery features(List<String> references, boolean fullFeatureNames) {
    return HistoricalQuery.of(registry, references, fullFeatureNames);
  }

  /** The features of a feature service. */
  public HistoricalQuery featureService(String name, boolean fullFeatureNames) {
    return HistoricalQuery.forService(registry, name, fullFeatureNames);
  }

  @Override
  public List<List<Object>> read(
      String featureService, List<FeatureRef> features, Map<String, List<?>> entityRows) {
    HistoricalQuery query =
        featureService.isEmpty()
            ? features(features.stream().map(FeatureRef::reference).toList(), true)
            : featureService(featureService, true);
    HistoricalTable table = read(query, new EntityRows.Columns(entityRows));
    int first = table.columns().size() - query.features().size();
    List<List<Object>> columns = new ArrayList<>(query.features().size());
    for (int column = first; column < table.columns().size(); column++) {
      List<Object> values = new ArrayList<>(table.rows().size());
      for (List<Object> row : table.rows()) {
        values.add(row.get(column));
      }
      columns.add(values);
    }
    return columns;
  }

  /** The result in memory: for up to some thousands of entity rows. */
  public HistoricalTable read(HistoricalQuery query, EntityRows entities) {
    return engine.read(query, entities);
  }

  /**
   * Writes the result to {@code out}, Parquet or CSV by its name; any size.
   *
   * @return the number of rows written
   */
  public long write(HistoricalQuery query, EntityRows entities, Path out) {
    return engine.write(query, entities, out, OutputFormat.of(out));
  }
}
