package dev.freshet.processor.model;

import dev.freshet.annotations.AggregationFunction;
import dev.freshet.annotations.MessageFormat;
import dev.freshet.annotations.TimestampFormat;
import dev.freshet.processor.base.AnnotationReader;
import dev.freshet.processor.base.Naming;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads annotated interfaces into definitions, exactly as written: nothing is checked here, and
 * nothing written is dropped, so that validation can point at every mistake.
 */
public final class DefinitionReader {
  private static final String NAME_ANNOTATION = "dev.freshet.annotations.Name";
  private static final String AGGREGATION_ANNOTATION = "dev.freshet.annotations.Aggregation";

  private final Elements elements;

  public DefinitionReader(Elements elements) {
    this.elements = elements;
  }

  /** The definition {@code element} declares as a {@code kind}, whose annotation it carries. */
  public Definition read(TypeElement element, DefinitionKind kind) {
    AnnotationMirror mirror = AnnotationReader.find(element, kind.annotation());
    AnnotationReader attributes = new AnnotationReader(elements, mirror);
    String name = attributes.string("name");
    if (name.isEmpty()) {
      name = Naming.snakeCase(element.getSimpleName().toString());
    }
    Metadata metadata = metadata(attributes);
    return switch (kind) {
      case ENTITY -> new EntityDef(element, mirror, name, members(element), metadata);
      case FILE_SOURCE ->
          new FileSourceDef(
              element,
              mirror,
              name,
              attributes.string("path"),
              attributes.string("timestampField"),
              attributes.string("createdTimestampColumn"),
              fieldMapping(attributes),
              metadata);
      case PUSH_SOURCE ->
          new PushSourceDef(element, mirror, name, attributes.classRef("batchSource"), metadata);
      case KAFKA_SOURCE ->
          new KafkaSourceDef(
              element,
              mirror,
              name,
              attributes.string("topic"),
              MessageFormat.valueOf(attributes.enumConstant("format")),
              attributes.string("avroSchema"),
              attributes.string("timestampField"),
              TimestampFormat.valueOf(attributes.enumConstant("timestampFormat")),
              attributes.string("watermarkDelay"),
              attributes.classRef("batchSource"),
              members(element),
              metadata);
      case FEATURE_VIEW ->
          new FeatureViewDef(
              element,
              mirror,
              name,
              attributes.classRefs("entities"),
              attributes.classRef("source"),
              attributes.string("ttl"),
              attributes.bool("online"),
              members(element),
              metadata,
              attributes.string("schedule"),
              attributes.bool("acceptsNonFinite"));
      case STREAM_FEATURE_VIEW ->
          new StreamViewDef(
              element,
              mirror,
              name,
              attributes.classRef("source"),
              attributes.classRef("target"),
              streamFeatures(element),
              metadata);
      case REQUEST_SOURCE ->
          new RequestSourceDef(element, mirror, name, members(element), metadata);
      case ON_DEMAND_FEATURE_VIEW ->
          new OnDemandViewDef(
              element,
              mirror,
              name,
              components(element),
              transforms(element),
              attributes.bool("writeToOnlineStore"),
              metadata);
      case FEATURE_SERVICE ->
          new FeatureServiceDef(element, mirror, name, selections(attributes), metadata);
    };
  }

  /** The abstract methods of {@code element}, in declaration order. */
  public static List<ExecutableElement> abstractMethods(TypeElement element) {
    return ElementFilter.methodsIn(element.getEnclosedElements()).stream()
        .filter(m -> m.getModifiers().contains(Modifier.ABSTRACT))
        .toList();
  }

  private List<Member> members(TypeElement element) {
    List<Member> members = new ArrayList<>();
    for (ExecutableElement method : abstractMethods(element)) {
      members.add(member(method));
    }
    return members;
  }

  /** A record's components, by their accessors (which carry a component's {@code @Name}). */
  private List<Member> components(TypeElement element) {
    List<Member> members = new ArrayList<>();
    for (RecordComponentElement component :
        ElementFilter.recordComponentsIn(element.getEnclosedElements())) {
      if (component.getAccessor() != null) {
        members.add(member(component.getAccessor()));
      }
    }
    return members;
  }

  /** The static methods of {@code element} that return it. */
  private static List<ExecutableElement> transforms(TypeElement element) {
    return ElementFilter.methodsIn(element.getEnclosedElements()).stream()
        .filter(m -> m.getModifiers().contains(Modifier.STATIC))
        .filter(
            m ->
                m.getReturnType() instanceof javax.lang.model.type.DeclaredType returned
                    && returned.asElement().equals(element))
        .toList();
  }

  private Member member(ExecutableElement method) {
    AnnotationMirror rename = AnnotationReader.find(method, NAME_ANNOTATION);
    String name =
        rename == null
            ? Naming.snakeCase(method.getSimpleName().toString())
            : new AnnotationReader(elements, rename).string("value");
    return new Member(method, name, TypeMapper.map(method));
  }

  private List<StreamViewDef.StreamFeature> streamFeatures(TypeElement element) {
    List<StreamViewDef.StreamFeature> features = new ArrayList<>();
    for (ExecutableElement method : abstractMethods(element)) {
      AnnotationMirror mirror = AnnotationReader.find(method, AGGREGATION_ANNOTATION);
      StreamViewDef.Aggregation aggregation = null;
      if (mirror != null) {
        AnnotationReader attributes = new AnnotationReader(elements, mirror);
        aggregation =
            new StreamViewDef.Aggregation(
                mirror,
                AggregationFunction.valueOf(attributes.enumConstant("function")),
                attributes.string("column"),
                attributes.string("window"),
                attributes.string("slide"));
      }
      features.add(new StreamViewDef.StreamFeature(member(method), aggregation));
    }
    return features;
  }

  private List<FileSourceDef.Mapping> fieldMapping(AnnotationReader attributes) {
    List<FileSourceDef.Mapping> mappings = new ArrayList<>();
    for (AnnotationValue value : attributes.list("fieldMapping")) {
      AnnotationReader mapping =
          new AnnotationReader(elements, (AnnotationMirror) value.getValue());
      mappings.add(
          new FileSourceDef.Mapping(mapping.string("column"), mapping.string("feature"), value));
    }
    return mappings;
  }

  private List<FeatureServiceDef.Selection> selections(AnnotationReader attributes) {
    List<FeatureServiceDef.Selection> selections = new ArrayList<>();
    for (AnnotationValue value : attributes.list("features")) {
      AnnotationReader select = new AnnotationReader(elements, (AnnotationMirror) value.getValue());
      List<FeatureServiceDef.SelectedName> names = new ArrayList<>();
      for (AnnotationValue feature : select.list("features")) {
        names.add(new FeatureServiceDef.SelectedName((String) feature.getValue(), feature));
      }
      selections.add(
          new FeatureServiceDef.Selection(
              value, select.classRef("view"), names, select.string("alias")));
    }
    return selections;
  }

  private Metadata metadata(AnnotationReader attributes) {
    Map<String, String> tags = new TreeMap<>();
    for (AnnotationValue value : attributes.list("tags")) {
      AnnotationReader tag = new AnnotationReader(elements, (AnnotationMirror) value.getValue());
      tags.put(tag.string("key"), tag.string("value"));
    }
    return new Metadata(attributes.string("description"), tags, attributes.string("owner"));
  }
}
