package dev.freshet.processor.step;

import com.palantir.javapoet.ClassName;
import dev.freshet.processor.base.AnnotationReader.ClassRef;
import dev.freshet.processor.base.Naming;
import dev.freshet.processor.base.Options;
import dev.freshet.processor.base.Reporter;
import dev.freshet.processor.data.RepositoryRoot;
import dev.freshet.processor.data.SchemaReader;
import dev.freshet.processor.data.SourceFiles;
import dev.freshet.processor.model.ClientDescriptor;
import dev.freshet.processor.model.Definition;
import dev.freshet.processor.model.DefinitionKind;
import dev.freshet.processor.model.DefinitionReader;
import dev.freshet.processor.model.FeatureServiceDef;
import dev.freshet.processor.model.FeatureViewDef;
import dev.freshet.processor.model.KafkaSourceDef;
import dev.freshet.processor.model.Member;
import dev.freshet.processor.model.OnDemandViewDef;
import dev.freshet.processor.model.PushSourceDef;
import dev.freshet.processor.model.Repository;
import dev.freshet.processor.model.SpecBuilder;
import dev.freshet.processor.model.StreamViewDef;
import dev.freshet.processor.validation.DataValidator;
import dev.freshet.processor.validation.DefinitionValidator;
import dev.freshet.processor.validation.EntityValidator;
import dev.freshet.processor.validation.FeatureServiceValidator;
import dev.freshet.processor.validation.FeatureViewValidator;
import dev.freshet.processor.validation.OnDemandViewValidator;
import dev.freshet.processor.validation.SourceValidator;
import dev.freshet.processor.validation.StreamFeatureViewValidator;
import dev.freshet.processor.writing.ClientTypes;
import dev.freshet.processor.writing.ClientWriter;
import dev.freshet.processor.writing.MaterializerWriter;
import dev.freshet.processor.writing.RegistryJsonWriter;
import dev.freshet.processor.writing.RegistryWriter;
import dev.freshet.processor.writing.RowWriter;
import dev.freshet.processor.writing.TrainingRowWriter;
import dev.freshet.processor.writing.TransformWriter;
import dev.freshet.processor.writing.ValuesWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Processes a repository's definitions: read them, validate them all (reporting every mistake),
 * stop if any is wrong, then write every generated artifact. Definitions reference each other, so
 * they are handled together, in the first round that has them.
 */
public final class DefinitionsStep {
  private final ProcessingEnvironment env;
  private final Reporter reporter;
  private final Optional<SchemaReader> schemaReader;
  private boolean done;

  /**
   * @param schemaReader reads the sources' Parquet files at compile time; without one, the
   *     definitions are not checked against their data
   */
  public DefinitionsStep(
      ProcessingEnvironment env, Reporter reporter, Optional<SchemaReader> schemaReader) {
    this.env = env;
    this.reporter = reporter;
    this.schemaReader = schemaReader;
  }

  public void process(RoundEnvironment round) {
    Map<TypeElement, List<DefinitionKind>> annotated = findDefinitions(round);
    if (annotated.isEmpty()) {
      return;
    }
    if (done) {
      DefinitionValidator late = new DefinitionValidator(reporter);
      annotated.keySet().forEach(late::reportGeneratedTooLate);
      return;
    }
    done = true;

    DefinitionValidator definitions = new DefinitionValidator(reporter);
    DefinitionReader reader = new DefinitionReader(env.getElementUtils());
    List<Definition> read = new ArrayList<>();
    annotated.forEach(
        (element, kinds) -> {
          definitions.checkShape(element, kinds);
          read.add(reader.read(element, kinds.get(0)));
        });
    Repository repository = new Repository(read);

    definitions.validate(repository);
    definitions.checkProjectOption(env.getOptions().get(Options.PROJECT));
    new EntityValidator(reporter, definitions).validate(repository);
    new SourceValidator(reporter, definitions).validate(repository);
    new FeatureViewValidator(reporter, definitions).validate(repository);
    new StreamFeatureViewValidator(reporter, definitions).validate(repository);
    new OnDemandViewValidator(reporter, definitions).validate(repository);
    new FeatureServiceValidator(reporter).validate(repository);
    if (reporter.hasErrors() || hasUnresolvedReferences(repository)) {
      return; // javac reports the classes it cannot find; nothing half-resolved is generated
    }
    if (schemaReader.isPresent()) {
      Optional<Path> root =
          RepositoryRoot.find(env.getOptions().get(Options.REPO_PATH), env.getFiler());
      new DataValidator(reporter, new SourceFiles(root, schemaReader.get())).validate(repository);
      if (reporter.hasErrors()) {
        return;
      }
    }
    write(repository);
  }

  private static boolean hasUnresolvedReferences(Repository repository) {
    List<ClassRef> references = new ArrayList<>();
    for (Definition definition : repository.all()) {
      if (definition instanceof PushSourceDef push) {
        references.add(push.batchSource());
      } else if (definition instanceof KafkaSourceDef kafka) {
        references.add(kafka.batchSource());
      } else if (definition instanceof FeatureViewDef view) {
        references.addAll(view.entities());
        references.add(view.source());
      } else if (definition instanceof StreamViewDef stream) {
        references.add(stream.source());
        references.add(stream.target());
      } else if (definition instanceof FeatureServiceDef service) {
        service.selections().forEach(s -> references.add(s.view()));
      } else if (definition instanceof OnDemandViewDef view
          && view.transform() != null
          && view.transform().getParameters().stream()
              .anyMatch(p -> p.asType().getKind() == javax.lang.model.type.TypeKind.ERROR)) {
        return true;
      }
    }
    return references.stream().anyMatch(ClassRef::unresolved);
  }

  private Map<TypeElement, List<DefinitionKind>> findDefinitions(RoundEnvironment round) {
    Map<TypeElement, List<DefinitionKind>> found =
        new TreeMap<>(
            (a, b) -> a.getQualifiedName().toString().compareTo(b.getQualifiedName().toString()));
    for (DefinitionKind kind : DefinitionKind.values()) {
      TypeElement annotation = env.getElementUtils().getTypeElement(kind.annotation());
      if (annotation == null) {
        continue;
      }
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        if (element instanceof TypeElement type) {
          found.computeIfAbsent(type, t -> new ArrayList<>()).add(kind);
        }
      }
    }
    return found;
  }

  private void write(Repository repository) {
    var filer = env.getFiler();
    RowWriter rows = new RowWriter(filer);
    MaterializerWriter materializers = new MaterializerWriter(filer);
    Map<String, FeatureViewDef> materialized = new LinkedHashMap<>();
    for (FeatureViewDef view : repository.featureViews()) {
      List<Member> joinKeys = repository.joinKeysOf(view);
      rows.write(view, joinKeys);
      materializers.write(view, joinKeys, repository.batchSourceOf(view));
      materialized.put(view.name(), view);
    }

    if (ClientTypes.onClassPath(env.getElementUtils())) {
      ClientWriter clients = new ClientWriter(filer);
      ValuesWriter values = new ValuesWriter(filer);
      TrainingRowWriter trainingRows = new TrainingRowWriter(filer);
      for (ClientDescriptor client : clientsOf(repository)) {
        values.write(client);
        trainingRows.write(client);
        clients.write(client);
      }
    }

    SpecBuilder specs = new SpecBuilder(repository);
    TransformWriter transformWriter = new TransformWriter(filer);
    Map<String, ClassName> transforms = new LinkedHashMap<>();
    for (OnDemandViewDef view : repository.onDemandViews()) {
      transformWriter.write(view, specs.inputsOf(view));
      transforms.put(view.name(), Naming.transform(view.element()));
    }
    RegistryWriter.Contents contents =
        new RegistryWriter.Contents(
            specs.entities(),
            specs.dataSources(),
            specs.featureViews(),
            specs.streamFeatureViews(),
            specs.featureServices(),
            materialized,
            specs.onDemandFeatureViews(),
            transforms);
    List<String> packages =
        repository.all().stream()
            .map(d -> env.getElementUtils().getPackageOf(d.element()).getQualifiedName().toString())
            .toList();
    ClassName registry = Naming.registry(packages);
    String project = env.getOptions().get(Options.PROJECT);
    new RegistryWriter(filer)
        .write(
            registry,
            project == null
                ? Naming.defaultProject(registry.packageName())
                : Naming.projectName(project),
            contents,
            repository.all());
    new RegistryJsonWriter(filer).write(contents, repository.all());
  }

  /** A client per online feature view, then one per feature service. */
  private static List<ClientDescriptor> clientsOf(Repository repository) {
    List<ClientDescriptor> clients = new ArrayList<>();
    for (FeatureViewDef view : repository.featureViews()) {
      if (view.online()) {
        clients.add(ClientDescriptor.forFeatureView(view, repository));
      }
    }
    for (FeatureServiceDef service : repository.featureServices()) {
      clients.add(ClientDescriptor.forFeatureService(service, repository));
    }
    return clients;
  }
}
