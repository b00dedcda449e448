package dev.freshet.processor.model;

import com.palantir.javapoet.ClassName;
import dev.freshet.processor.base.Naming;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * The typed client of one feature view or feature service, worked out once (as AutoFactory's {@code
 * FactoryDescriptor}): its join keys and selected features in order, each with the accessor its
 * records give it once name clashes are resolved, and the names of the generated types. The writers
 * of the client, its values record and its training row only turn this into code.
 *
 * @param key the client's nested {@code Key} record, present when there is more than one join key
 * @param keysParameter the name of the parameter holding many entities' keys ({@code driverIds}, or
 *     {@code keys} for a composite key)
 */
public record ClientDescriptor(
    TypeElement definition,
    DefinitionKind kind,
    String name,
    List<JoinKey> joinKeys,
    List<SelectedFeature> features,
    ClassName client,
    ClassName values,
    ClassName trainingRow,
    Optional<ClassName> key,
    String keysParameter) {

  /** A join key: its name as served, its type, and the accessor and parameter name it gets. */
  public record JoinKey(String name, FeatureType type, String accessor) {}

  /**
   * A selected feature: the view that has it, the name the service gives that view (its alias, or
   * the view's name), its name and type, and its accessor in the client's records.
   */
  public record SelectedFeature(
      String view, String projection, String name, FeatureType type, String accessor) {}

  /** The client of an online feature view: every feature of the view. */
  public static ClientDescriptor forFeatureView(FeatureViewDef view, Repository repository) {
    List<Member> joinKeys = repository.joinKeysOf(view);
    List<Selected> features = new ArrayList<>();
    view.features().forEach(f -> features.add(new Selected(view.name(), view.name(), f)));
    return create(view.element(), view.kind(), view.name(), joinKeys, features);
  }

  /**
   * The client of a feature service: the features of each selection in order, and the join keys of
   * the selected views, each once, in the order they first appear.
   */
  public static ClientDescriptor forFeatureService(
      FeatureServiceDef service, Repository repository) {
    List<Member> joinKeys = new ArrayList<>();
    List<Selected> features = new ArrayList<>();
    for (FeatureServiceDef.Selection selection : service.selections()) {
      FeatureViewDef view = repository.definitionOf(selection.view().type(), FeatureViewDef.class);
      String projection = selection.alias().isEmpty() ? view.name() : selection.alias();
      for (Member key : repository.joinKeysOf(view)) {
        if (joinKeys.stream().noneMatch(k -> k.name().equals(key.name()))) {
          joinKeys.add(key);
        }
      }
      if (selection.features().isEmpty()) {
        view.features().forEach(f -> features.add(new Selected(view.name(), projection, f)));
      } else {
        selection
            .features()
            .forEach(
                f -> features.add(new Selected(view.name(), projection, view.feature(f.name()))));
      }
    }
    return create(service.element(), service.kind(), service.name(), joinKeys, features);
  }

  /** The feature service a request names: this service, or empty for a view's client. */
  public String featureService() {
    return kind == DefinitionKind.FEATURE_SERVICE ? name : "";
  }

  /** {@code feature service {@code model_v1}}, for javadoc. */
  public String description() {
    return kind.noun() + " {@code " + name + "}";
  }

  public boolean compositeKey() {
    return key.isPresent();
  }

  /** A feature before its accessor is known. */
  private record Selected(String view, String projection, Member member) {}

  private static ClientDescriptor create(
      TypeElement definition,
      DefinitionKind kind,
      String name,
      List<Member> joinKeys,
      List<Selected> selected) {
    // A feature whose name another feature or a join key also has is named after its view too.
    Map<String, Integer> uses = new HashMap<>();
    joinKeys.forEach(k -> uses.merge(Naming.camelCase(k.name()), 1, Integer::sum));
    selected.forEach(f -> uses.merge(Naming.camelCase(f.member().name()), 1, Integer::sum));

    List<JoinKey> keys =
        joinKeys.stream()
            .map(k -> new JoinKey(k.name(), k.type(), Naming.camelCase(k.name())))
            .toList();
    List<SelectedFeature> features = new ArrayList<>();
    for (Selected feature : selected) {
      boolean clashes = uses.get(Naming.camelCase(feature.member().name())) > 1;
      features.add(
          new SelectedFeature(
              feature.view(),
              feature.projection(),
              feature.member().name(),
              feature.member().type(),
              Naming.featureAccessor(feature.projection(), feature.member().name(), clashes)));
    }
    ClassName client = Naming.client(definition);
    return new ClientDescriptor(
        definition,
        kind,
        name,
        keys,
        List.copyOf(features),
        client,
        Naming.values(definition),
        Naming.trainingRow(definition),
        keys.size() > 1 ? Optional.of(Naming.clientKey(client)) : Optional.empty(),
        Naming.keysParameter(joinKeys.stream().map(Member::name).toList()));
  }
}
