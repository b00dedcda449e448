package dev.freshet.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Features computed at request time by {@code transform}, from the feature views and request
 * sources named by {@code inputs}, in the order of the transform's parameters; or, with {@code
 * writeToOnlineStore}, computed when its one input view is written and stored beside it.
 */
public record OnDemandFeatureViewSpec(
    String name,
    List<Input> inputs,
    List<FeatureSpec> features,
    String description,
    Map<String, String> tags,
    String owner,
    OnDemandTransform transform,
    boolean writeToOnlineStore) {

  public OnDemandFeatureViewSpec {
    inputs = List.copyOf(inputs);
    features = List.copyOf(features);
    tags = Map.copyOf(tags);
  }

  /** A builder of the on-demand view {@code name}; add its inputs, features and transform. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** An input: a feature view, or a request source ({@code request}), by name. */
  public record Input(String name, boolean request) {}

  /** The feature views among the inputs, in order. */
  public List<String> inputViews() {
    return inputs.stream().filter(i -> !i.request()).map(Input::name).toList();
  }

  /**
   * The stored view a write-time view's features are written to and served from: the input view's
   * entities, join keys, ttl and source, with this view's name and features.
   */
  public FeatureViewSpec storedAs(FeatureViewSpec input) {
    return new FeatureViewSpec(
        name,
        input.entities(),
        input.joinKeys(),
        input.source(),
        input.ttl(),
        true,
        features,
        description,
        tags,
        owner,
        "",
        input.acceptsNonFinite());
  }

  /**
   * What went wrong when {@code failure} came out of the transform, for an error that then says
   * where: {@code the transform of on-demand feature view 'x' threw IllegalStateException: why}.
   */
  public String transformFailed(RuntimeException failure) {
    return "the transform of on-demand feature view '"
        + name
        + "' threw "
        + failure.getClass().getSimpleName()
        + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
  }

  /** The request sources among the inputs, in order. */
  public List<String> requestSources() {
    return inputs.stream().filter(Input::request).map(Input::name).toList();
  }

  /** Builds an {@link OnDemandFeatureViewSpec} by naming each part; what is not set stays empty. */
  public static final class Builder extends DefinitionBuilder<Builder> {
    private final String name;
    private final List<Input> inputs = new ArrayList<>();
    private final List<FeatureSpec> features = new ArrayList<>();
    private OnDemandTransform transform;
    private boolean writeToOnlineStore;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** Adds the feature view {@code view} as the next input of the transform. */
    public Builder view(String view) {
      inputs.add(new Input(Objects.requireNonNull(view, "view"), false));
      return this;
    }

    /** Adds the request source {@code source} as the next input of the transform. */
    public Builder request(String source) {
      inputs.add(new Input(Objects.requireNonNull(source, "source"), true));
      return this;
    }

    /** Adds a feature that always has a value, after those added before. */
    public Builder feature(String name, ValueType type) {
      features.add(new FeatureSpec(name, type, false));
      return this;
    }

    /** Adds a feature that may be null, after those added before. */
    public Builder nullableFeature(String name, ValueType type) {
      features.add(new FeatureSpec(name, type, true));
      return this;
    }

    public Builder transform(OnDemandTransform transform) {
      this.transform = Objects.requireNonNull(transform, "transform");
      return this;
    }

    /** Computes and stores the features when the input view is written. */
    public Builder writeToOnlineStore() {
      this.writeToOnlineStore = true;
      return this;
    }

    @Override
    Builder self() {
      return this;
    }

    public OnDemandFeatureViewSpec build() {
      return new OnDemandFeatureViewSpec(
          name, inputs, features, description, tags(), owner, transform, writeToOnlineStore);
    }
  }
}
