package dev.freshet.processor.validation;

import dev.freshet.processor.base.AnnotationReader;
import dev.freshet.processor.base.AnnotationReader.ClassRef;
import dev.freshet.processor.base.Reporter;
import dev.freshet.processor.model.Definition;
import dev.freshet.processor.model.EntityDef;
import dev.freshet.processor.model.FeatureViewDef;
import dev.freshet.processor.model.FileSourceDef;
import dev.freshet.processor.model.KafkaSourceDef;
import dev.freshet.processor.model.Member;
import dev.freshet.processor.model.PushSourceDef;
import dev.freshet.processor.model.Repository;
import dev.freshet.spec.Durations;
import dev.freshet.spec.Suggestions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Checks {@code @FeatureView} definitions: entities, source, ttl and features. */
public final class FeatureViewValidator {
  private final Reporter reporter;
  private final DefinitionValidator definitions;

  public FeatureViewValidator(Reporter reporter, DefinitionValidator definitions) {
    this.reporter = reporter;
    this.definitions = definitions;
  }

  public void validate(Repository repository) {
    for (FeatureViewDef view : repository.featureViews()) {
      checkEntities(repository, view);
      checkSource(repository, view);
      DurationCheck.parse(reporter, view, view.element(), view.mirror(), "ttl", view.ttl(), true);
      checkSchedule(view);
      checkHasFeatures(view);
      definitions.checkMembers(view, view.features(), "feature", true);
      checkFeatureNamesFree(repository, view);
    }
  }

  /** An interval of at least a second, or six cron fields (seconds first) of cron's characters. */
  private void checkSchedule(FeatureViewDef view) {
    String schedule = view.schedule().trim();
    if (schedule.isEmpty()) {
      return;
    }
    boolean interval = Durations.parse(schedule).filter(d -> d.toSeconds() >= 1).isPresent();
    boolean cron =
        schedule.split("\\s+").length == 6 && schedule.matches("[0-9*/,\\-?LW#A-Za-z\\s]+");
    if (!interval && !cron) {
      reporter.error(
          FeatureViewMessages.badSchedule(view, view.schedule()),
          view.element(),
          view.mirror(),
          AnnotationReader.writtenIn(view.mirror(), "schedule"));
    }
  }

  private void checkEntities(Repository repository, FeatureViewDef view) {
    if (view.entities().isEmpty()) {
      reporter.error(FeatureViewMessages.noEntities(view), view.element(), view.mirror());
      return;
    }
    Set<String> seen = new HashSet<>();
    for (ClassRef entity : view.entities()) {
      if (entity.unresolved()) {
        continue;
      }
      if (repository.definitionOf(entity.type(), EntityDef.class) == null) {
        String hint =
            Suggestions.hint(entity.simpleName(), repository.simpleNamesOf(EntityDef.class));
        reporter.error(
            FeatureViewMessages.notAnEntity(view, entity.simpleName(), hint),
            view.element(),
            view.mirror(),
            entity.written());
      } else if (!seen.add(entity.type().getQualifiedName().toString())) {
        reporter.error(
            FeatureViewMessages.entityTwice(view, entity.simpleName()),
            view.element(),
            view.mirror(),
            entity.written());
      }
    }
  }

  private void checkSource(Repository repository, FeatureViewDef view) {
    ClassRef source = view.source();
    if (!source.given()) {
      reporter.error(FeatureViewMessages.noSource(view), view.element(), view.mirror());
      return;
    }
    if (source.unresolved()) {
      return;
    }
    Definition definition = repository.definitionOf(source.type());
    if (definition instanceof KafkaSourceDef) {
      reporter.error(
          FeatureViewMessages.kafkaSource(view, source.simpleName()),
          view.element(),
          view.mirror(),
          source.written());
    } else if (!(definition instanceof FileSourceDef) && !(definition instanceof PushSourceDef)) {
      List<String> candidates =
          Stream.concat(
                  repository.simpleNamesOf(FileSourceDef.class).stream(),
                  repository.simpleNamesOf(PushSourceDef.class).stream())
              .toList();
      reporter.error(
          FeatureViewMessages.notASource(
              view, source.simpleName(), Suggestions.hint(source.simpleName(), candidates)),
          view.element(),
          view.mirror(),
          source.written());
    }
  }

  private void checkHasFeatures(FeatureViewDef view) {
    if (view.features().isEmpty()) {
      reporter.error(FeatureViewMessages.noFeatures(view), view.element(), view.mirror());
    }
  }

  private void checkFeatureNamesFree(Repository repository, FeatureViewDef view) {
    Set<String> joinKeys = new HashSet<>();
    for (Member key : repository.joinKeysOf(view)) {
      joinKeys.add(key.name());
    }
    FileSourceDef batch = repository.batchSourceOf(view);
    for (Member feature : view.features()) {
      if (joinKeys.contains(feature.name())) {
        reporter.error(
            FeatureViewMessages.featureIsJoinKey(view, feature.name()), feature.method());
      } else if (batch != null && isTimestampColumn(batch, batch.columnFor(feature.name()))) {
        reporter.error(
            FeatureViewMessages.featureIsTimestamp(view, feature.name(), batch.describe()),
            feature.method());
      }
    }
  }

  private static boolean isTimestampColumn(FileSourceDef source, String column) {
    return column.equals(source.timestampField()) || column.equals(source.createdTimestampColumn());
  }
}
