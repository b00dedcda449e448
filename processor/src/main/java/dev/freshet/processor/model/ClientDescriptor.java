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
 * @param requestFields the fields of the request sources that its on-demand views read, sent beside
 *     the join keys in each entity row
 * @param key the client's nested record of one entity row's columns, present when there is more
 *     than one: {@code Key} of the join keys, or {@code Row} when request fields come with them
 * @param keysParameter the name of the parameter holding many entities' rows ({@code driverIds},
 *     {@code keys} for a composite key, or {@code rows} with request fields)
 */
public record ClientDescriptor(
    TypeElement definition,
    DefinitionKind kind,
    String name,
    List<EntityColumn> joinKeys,
    List<EntityColumn> requestFields,
    List<SelectedFeature> features,
    ClassName client,
    ClassName values,
    ClassName trainingRow,
    Optional<ClassName> key,
    String keysParameter) {

  /**
   * A column of the entity rows a caller sends, a join key or a request field: its name as served,
   * its type, and the accessor and parameter name it gets.
   */
  public record EntityColumn(String name, FeatureType type, String accessor) {}

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
    return create(view.element(), view.kind(), view.name(), joinKeys, List.of(), features);
  }

  /**
   * The client of a feature service: the features of each selection in order, and the join keys of
   * the selected views, each once, in the order they first appear.
   */
  public static ClientDescriptor forFeatureService(
      FeatureServiceDef service, Repository repository) {
    List<Member> joinKeys = new ArrayList<>();
    List<Member> requestFields = new ArrayList<>();
    List<Selected> features = new ArrayList<>();
    for (FeatureServiceDef.Selection selection : service.selections()) {
      ServedView view = repository.definitionOf(selection.view().type(), ServedView.class);
      String projection = selection.alias().isEmpty() ? view.name() : selection.alias();
      addOnce(joinKeys, repository.joinKeysOf(view));
      addOnce(requestFields, repository.requestFieldsOf(view));
      if (selection.features().isEmpty()) {
        view.features().forEach(f -> features.add(new Selected(view.name(), projection, f)));
      } else {
        selection
            .features()
            .forEach(
                f -> features.add(new Selected(view.name(), projection, view.feature(f.name()))));
      }
    }
    return create(
        service.element(), service.kind(), service.name(), joinKeys, requestFields, features);
  }

  private static void addOnce(List<Member> columns, List<Member> more) {
    for (Member column : more) {
      if (columns.stream().noneMatch(c -> c.name().equals(column.name()))) {
        columns.add(column);
      }
    }
  }

  /** The columns of each entity row, as sent: the join keys, then the request fields. */
  public List<EntityColumn> entityColumns() {
    List<EntityColumn> columns = new ArrayList<>(joinKeys);
    columns.addAll(requestFields);
    return columns;
  }

  /** The feature service a request names: this service, or empty for a view's client. */
  public String featureService() {
    return kind == DefinitionKind.FEATURE_SERVICE ? name : "";
  }

  /** {@code feature service {@code model_v1}}, for javadoc. */
  public String description() {
    return kind.noun() + " {@code " + name + "}";
  }

  /** Whether each entity row is passed as the {@link #key} record: more than one column. */
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
      List<Member> requestFields,
      List<Selected> selected) {
    // A feature whose name another feature or a join key also has is named after its view too.
    Map<String, Integer> uses = new HashMap<>();
    joinKeys.forEach(k -> uses.merge(Naming.camelCase(k.name()), 1, Integer::sum));
    requestFields.forEach(r -> uses.merge(Naming.camelCase(r.name()), 1, Integer::sum));
    selected.forEach(f -> uses.merge(Naming.camelCase(f.member().name()), 1, Integer::sum));

    List<EntityColumn> keys = columns(joinKeys);
    List<EntityColumn> fields = columns(requestFields);
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
        fields,
        List.copyOf(features),
        client,
        Naming.values(definition),
        Naming.trainingRow(definition),
        keys.size() + fields.size() > 1
            ? Optional.of(fields.isEmpty() ? Naming.clientKey(client) : Naming.clientRow(client))
            : Optional.empty(),
        fields.isEmpty()
            ? Naming.keysParameter(joinKeys.stream().map(Member::name).toList())
            : "rows");
  }

  private static List<EntityColumn> columns(List<Member> members) {
    return members.stream()
        .map(m -> new EntityColumn(m.name(), m.type(), Naming.camelCase(m.name())))
        .toList();
  }
}
