package dev.freshet.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every definition of a feature repository. The annotation processor generates one implementation
 * per repository and registers it for {@link ServiceLoader}; the runtime finds it with {@link
 * #load}, without scanning the class path.
 */
public interface FeatureRegistry {
  /** The generated, sorted JSON description of the definitions, used to diff applies. */
  String JSON_RESOURCE = "META-INF/freshet/registry.json";

  /**
   * The feature repository's project name, in Feast's form: lower-case letters, digits and
   * underscores, e.g. {@code driver_churn}. A generated registry gives the annotation processor's
   * option {@code -Afreshet.project=NAME}, normalised to that form ({@code my-features} becomes
   * {@code my_features}), or without the option the snake_case of the last segment of the package
   * it is generated in ({@code com.acme.riderFeatures} gives {@code rider_features}).
   *
   * @return the project name, or null when the registry does not say: one written by hand that does
   *     not override this method, or one generated in the unnamed package without the option
   */
  default String project() {
    return null;
  }

  List<EntitySpec> entities();

  List<DataSourceSpec> dataSources();

  List<FeatureViewSpec> featureViews();

  List<StreamFeatureViewSpec> streamFeatureViews();

  List<FeatureServiceSpec> featureServices();

  /** The on-demand feature views; a registry written before they existed has none. */
  default List<OnDemandFeatureViewSpec> onDemandFeatureViews() {
    return List.of();
  }

  /** The materializer of a feature view, or empty for an unknown view. */
  Optional<Materializer<? extends FeatureRow>> materializer(String featureView);

  default Optional<EntitySpec> entity(String name) {
    return entities().stream().filter(e -> e.name().equals(name)).findFirst();
  }

  default Optional<DataSourceSpec> dataSource(String name) {
    return dataSources().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  default Optional<FeatureViewSpec> featureView(String name) {
    return featureViews().stream().filter(v -> v.name().equals(name)).findFirst();
  }

  default Optional<OnDemandFeatureViewSpec> onDemandFeatureView(String name) {
    return onDemandFeatureViews().stream().filter(v -> v.name().equals(name)).findFirst();
  }

  default Optional<FeatureServiceSpec> featureService(String name) {
    return featureServices().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The feature views' names, for the errors that name what there is. */
  default List<String> featureViewNames() {
    return featureViews().stream().map(FeatureViewSpec::name).toList();
  }

  /** The feature services' names, for the errors that name what there is. */
  default List<String> featureServiceNames() {
    return featureServices().stream().map(FeatureServiceSpec::name).toList();
  }

  /**
   * The one registry on {@code classLoader}'s path.
   *
   * @throws IllegalStateException when there is none, or more than one
   */
  static FeatureRegistry load(ClassLoader classLoader) {
    List<FeatureRegistry> found = new ArrayList<>();
    ServiceLoader.load(FeatureRegistry.class, classLoader).forEach(found::add);
    if (found.isEmpty()) {
      throw new IllegalStateException(
          "no feature registry on the class path: compile the feature repository with the"
              + " Freshet annotation processor (freshet-processor) on the annotation processor path");
    }
    if (found.size() > 1) {
      List<String> names = found.stream().map(r -> r.getClass().getName()).sorted().toList();
      throw new IllegalStateException(
          "more than one feature registry on the class path: "
              + names
              + "; a deployable holds exactly one feature repository");
    }
    return found.get(0);
  }
}
