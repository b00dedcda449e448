package dev.freshet.processor.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;

/** Every definition of the repository being compiled, each list sorted by name. */
public final class Repository {
  private final List<Definition> all;
  private final Map<String, Definition> byQualifiedName = new HashMap<>();

  public Repository(List<Definition> definitions) {
    List<Definition> sorted = new ArrayList<>(definitions);
    sorted.sort(
        Comparator.comparing(Definition::name)
            .thenComparing(d -> d.element().getQualifiedName().toString()));
    this.all = List.copyOf(sorted);
    for (Definition definition : all) {
      byQualifiedName.put(definition.element().getQualifiedName().toString(), definition);
    }
  }

  public List<Definition> all() {
    return all;
  }

  /** The definition declared by {@code type}, or null when it carries no definition annotation. */
  public Definition definitionOf(TypeElement type) {
    return type == null ? null : byQualifiedName.get(type.getQualifiedName().toString());
  }

  /** The definition declared by {@code type} if it is a {@code kind}, else null. */
  public <D extends Definition> D definitionOf(TypeElement type, Class<D> kind) {
    Definition definition = definitionOf(type);
    return kind.isInstance(definition) ? kind.cast(definition) : null;
  }

  public List<EntityDef> entities() {
    return ofKind(EntityDef.class);
  }

  public List<FileSourceDef> fileSources() {
    return ofKind(FileSourceDef.class);
  }

  public List<PushSourceDef> pushSources() {
    return ofKind(PushSourceDef.class);
  }

  public List<KafkaSourceDef> kafkaSources() {
    return ofKind(KafkaSourceDef.class);
  }

  public List<FeatureViewDef> featureViews() {
    return ofKind(FeatureViewDef.class);
  }

  public List<StreamViewDef> streamViews() {
    return ofKind(StreamViewDef.class);
  }

  public List<RequestSourceDef> requestSources() {
    return ofKind(RequestSourceDef.class);
  }

  public List<OnDemandViewDef> onDemandViews() {
    return ofKind(OnDemandViewDef.class);
  }

  public List<FeatureServiceDef> featureServices() {
    return ofKind(FeatureServiceDef.class);
  }

  /** The simple names of the interfaces declaring {@code kind}, for "did you mean" hints. */
  public List<String> simpleNamesOf(Class<? extends Definition> kind) {
    return ofKind(kind).stream().map(d -> d.element().getSimpleName().toString()).toList();
  }

  /**
   * The join keys of a view, from its entities in declaration order. Entities that are not
   * {@code @Entity} interfaces are skipped; validation reports them.
   */
  public List<Member> joinKeysOf(FeatureViewDef view) {
    List<Member> keys = new ArrayList<>();
    for (var entity : view.entities()) {
      EntityDef def = definitionOf(entity.type(), EntityDef.class);
      if (def != null) {
        keys.addAll(def.joinKeys());
      }
    }
    return keys;
  }

  /**
   * The join keys of a served view: a feature view's own, or those of every feature view an
   * on-demand view reads, each once, in the order they first appear.
   */
  public List<Member> joinKeysOf(ServedView view) {
    if (view instanceof FeatureViewDef stored) {
      return joinKeysOf(stored);
    }
    List<Member> keys = new ArrayList<>();
    for (Definition input : inputsOf((OnDemandViewDef) view)) {
      if (input instanceof FeatureViewDef stored) {
        for (Member key : joinKeysOf(stored)) {
          if (keys.stream().noneMatch(k -> k.name().equals(key.name()))) {
            keys.add(key);
          }
        }
      }
    }
    return keys;
  }

  /** The fields of the request sources an on-demand view reads, in order; none for a view. */
  public List<Member> requestFieldsOf(ServedView view) {
    List<Member> fields = new ArrayList<>();
    if (view instanceof OnDemandViewDef onDemand) {
      for (Definition input : inputsOf(onDemand)) {
        if (input instanceof RequestSourceDef source) {
          fields.addAll(source.fields());
        }
      }
    }
    return fields;
  }

  /**
   * The feature views and request sources an on-demand view's transform reads, in parameter order;
   * a parameter that is neither is left out (validation reports it), as is every one of a view
   * without exactly one transform.
   */
  public List<Definition> inputsOf(OnDemandViewDef view) {
    List<Definition> inputs = new ArrayList<>();
    if (view.transform() == null) {
      return inputs;
    }
    for (var parameter : view.transform().getParameters()) {
      if (parameter.asType() instanceof DeclaredType declared
          && declared.asElement() instanceof TypeElement type
          && (definitionOf(type) instanceof FeatureViewDef
              || definitionOf(type) instanceof RequestSourceDef)) {
        inputs.add(definitionOf(type));
      }
    }
    return inputs;
  }

  /** The file source a view's rows are read from in batch: its own, or its push source's. */
  public FileSourceDef batchSourceOf(FeatureViewDef view) {
    Definition source = definitionOf(view.source().type());
    if (source instanceof FileSourceDef file) {
      return file;
    }
    if (source instanceof PushSourceDef push) {
      return definitionOf(push.batchSource().type(), FileSourceDef.class);
    }
    return null;
  }

  private <D extends Definition> List<D> ofKind(Class<D> kind) {
    return all.stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
