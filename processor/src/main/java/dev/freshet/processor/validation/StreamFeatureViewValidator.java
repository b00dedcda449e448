package dev.freshet.processor.validation;

import dev.freshet.annotations.AggregationFunction;
import dev.freshet.processor.base.AnnotationReader;
import dev.freshet.processor.base.AnnotationReader.ClassRef;
import dev.freshet.processor.base.Reporter;
import dev.freshet.processor.model.Definition;
import dev.freshet.processor.model.FeatureViewDef;
import dev.freshet.processor.model.KafkaSourceDef;
import dev.freshet.processor.model.Member;
import dev.freshet.processor.model.PushSourceDef;
import dev.freshet.processor.model.Repository;
import dev.freshet.processor.model.StreamViewDef;
import dev.freshet.processor.model.StreamViewDef.Aggregation;
import dev.freshet.processor.model.StreamViewDef.StreamFeature;
import dev.freshet.spec.Suggestions;
import dev.freshet.spec.ValueType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks {@code @StreamFeatureView} definitions: source, target, features and aggregations. */
public final class StreamFeatureViewValidator {
  private static final Set<ValueType> WHOLE = Set.of(ValueType.INT32, ValueType.INT64);
  private static final Set<ValueType> FRACTIONAL = Set.of(ValueType.FLOAT, ValueType.DOUBLE);

  private final Reporter reporter;
  private final DefinitionValidator definitions;

  public StreamFeatureViewValidator(Reporter reporter, DefinitionValidator definitions) {
    this.reporter = reporter;
    this.definitions = definitions;
  }

  public void validate(Repository repository) {
    for (StreamViewDef view : repository.streamViews()) {
      List<Member> members = view.features().stream().map(StreamFeature::member).toList();
      definitions.checkMembers(view, members, "feature", true);
      KafkaSourceDef source = checkSource(repository, view);
      FeatureViewDef target = checkTarget(repository, view);
      boolean consistent = checkNotMixed(view);
      for (StreamFeature feature : view.features()) {
        if (target != null) {
          checkInTarget(view, feature.member(), target);
        }
        if (feature.aggregation() != null) {
          checkAggregation(view, feature, source);
        } else if (consistent && source != null) {
          checkPlainFieldDeclared(feature.member(), source);
        }
      }
      if (source != null && target != null) {
        checkJoinKeysInMessage(repository, target, source, view);
        checkTargetIsPushed(repository, view, target);
      }
    }
  }

  private KafkaSourceDef checkSource(Repository repository, StreamViewDef view) {
    ClassRef source = view.source();
    if (!source.given()) {
      reporter.error(StreamViewMessages.noSource(view), view.element(), view.mirror());
      return null;
    }
    if (source.unresolved()) {
      return null;
    }
    Definition definition = repository.definitionOf(source.type());
    if (definition instanceof KafkaSourceDef kafka) {
      return kafka;
    }
    String hint =
        Suggestions.hint(source.simpleName(), repository.simpleNamesOf(KafkaSourceDef.class));
    reporter.error(
        StreamViewMessages.notKafka(view, source.simpleName(), definition, hint),
        view.element(),
        view.mirror(),
        source.written());
    return null;
  }

  private FeatureViewDef checkTarget(Repository repository, StreamViewDef view) {
    ClassRef target = view.target();
    if (!target.given()) {
      reporter.error(StreamViewMessages.noTarget(view), view.element(), view.mirror());
      return null;
    }
    if (target.unresolved()) {
      return null;
    }
    FeatureViewDef definition = repository.definitionOf(target.type(), FeatureViewDef.class);
    if (definition == null) {
      String hint =
          Suggestions.hint(target.simpleName(), repository.simpleNamesOf(FeatureViewDef.class));
      reporter.error(
          StreamViewMessages.targetNotView(view, target.simpleName(), hint),
          view.element(),
          view.mirror(),
          target.written());
    }
    return definition;
  }

  private boolean checkNotMixed(StreamViewDef view) {
    long aggregated = view.features().stream().filter(f -> f.aggregation() != null).count();
    if (aggregated > 0 && aggregated < view.features().size()) {
      reporter.error(StreamViewMessages.mixed(view), view.element(), view.mirror());
      return false;
    }
    return true;
  }

  private void checkInTarget(StreamViewDef view, Member feature, FeatureViewDef target) {
    Member targetFeature = target.feature(feature.name());
    if (targetFeature == null) {
      reporter.error(
          StreamViewMessages.notInTarget(
              view,
              feature.name(),
              target,
              Suggestions.hint(feature.name(), target.featureNames())),
          feature.method());
    } else if (feature.type() != null
        && targetFeature.type() != null
        && !feature.type().equals(targetFeature.type())) {
      reporter.error(
          StreamViewMessages.typeDiffers(
              feature.name(),
              feature.method().getReturnType(),
              target,
              targetFeature.method().getReturnType()),
          feature.method());
    }
  }

  private void checkAggregation(StreamViewDef view, StreamFeature feature, KafkaSourceDef source) {
    Aggregation aggregation = feature.aggregation();
    Optional<Duration> window =
        DurationCheck.parse(
            reporter,
            view,
            feature.member().method(),
            aggregation.mirror(),
            "window",
            aggregation.window(),
            false);
    Optional<Duration> slide =
        aggregation.slide().isEmpty()
            ? window
            : DurationCheck.parse(
                reporter,
                view,
                feature.member().method(),
                aggregation.mirror(),
                "slide",
                aggregation.slide(),
                false);
    if (window.isPresent() && slide.isPresent()) {
      checkWindowCoversSlides(feature, window.get(), slide.get());
    }
    if (source != null) {
      checkColumn(feature, source);
    }
  }

  private void checkWindowCoversSlides(StreamFeature feature, Duration window, Duration slide) {
    Aggregation aggregation = feature.aggregation();
    if (window.toMillis() % slide.toMillis() != 0 || window.compareTo(slide) < 0) {
      reporter.error(
          StreamViewMessages.windowNotMultipleOfSlide(
              aggregation.window(), aggregation.effectiveSlide()),
          feature.member().method(),
          aggregation.mirror(),
          AnnotationReader.writtenIn(aggregation.mirror(), "window"));
    }
  }

  private void checkColumn(StreamFeature feature, KafkaSourceDef source) {
    Aggregation aggregation = feature.aggregation();
    Member column = source.field(aggregation.column());
    if (column == null) {
      List<String> fields = source.fields().stream().map(Member::name).toList();
      reporter.error(
          StreamViewMessages.columnNotInMessage(
              aggregation.column(), source, fields, Suggestions.hint(aggregation.column(), fields)),
          feature.member().method(),
          aggregation.mirror(),
          AnnotationReader.writtenIn(aggregation.mirror(), "column"));
      return;
    }
    if (column.type() == null || feature.member().type() == null) {
      return; // reported as an unsupported type
    }
    checkFunctionFits(feature, column.type().valueType(), feature.member().type().valueType());
  }

  private void checkFunctionFits(StreamFeature feature, ValueType column, ValueType result) {
    Aggregation aggregation = feature.aggregation();
    AggregationFunction function = aggregation.function();
    boolean numericInput =
        function != AggregationFunction.COUNT && function != AggregationFunction.LAST;
    if (numericInput && !column.isNumeric()) {
      reporter.error(
          StreamViewMessages.functionNeedsNumber(function, aggregation.column(), column),
          feature.member().method(),
          aggregation.mirror(),
          AnnotationReader.writtenIn(aggregation.mirror(), "function"));
      return;
    }
    String fits =
        switch (function) {
          case COUNT -> WHOLE.contains(result) ? null : "a whole number: declare it as long or int";
          case MEAN ->
              FRACTIONAL.contains(result) ? null : "a fraction: declare it as double or float";
          case SUM, MIN, MAX ->
              result.isNumeric() ? null : "a number: declare it as a numeric type";
          case LAST -> result == column ? null : "the column's own type, " + column;
        };
    if (fits != null) {
      reporter.error(
          StreamViewMessages.resultType(
              function, feature.member().name(), feature.member().method().getReturnType(), fits),
          feature.member().method());
    }
  }

  private void checkPlainFieldDeclared(Member feature, KafkaSourceDef source) {
    if (source.field(feature.name()) == null) {
      reporter.error(
          StreamViewMessages.plainFieldMissing(feature.name(), source), feature.method());
    }
  }

  private void checkJoinKeysInMessage(
      Repository repository, FeatureViewDef target, KafkaSourceDef source, StreamViewDef view) {
    for (Member key : repository.joinKeysOf(target)) {
      if (source.field(key.name()) == null) {
        reporter.error(
            StreamViewMessages.joinKeyNotInMessage(key.name(), target, source),
            view.element(),
            view.mirror(),
            AnnotationReader.writtenIn(view.mirror(), "source"));
      }
    }
  }

  private void checkTargetIsPushed(
      Repository repository, StreamViewDef view, FeatureViewDef target) {
    if (repository.definitionOf(target.source().type()) instanceof PushSourceDef) {
      return;
    }
    if (target.source().given() && !target.source().unresolved()) {
      reporter.warning(
          StreamViewMessages.targetNotPushed(view, target),
          view.element(),
          view.mirror(),
          AnnotationReader.writtenIn(view.mirror(), "target"));
    }
  }
}
