package dev.freshet.processor.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The schemas of file sources whose Parquet files can be read at compile time. A path resolves
 * against the repository's root unless it is absolute; a directory is read through one of its
 * Parquet files (the first in path order, as the runtime reads them all by name). A file that is
 * not there, or not readable, is not known: the runtime says what is wrong with it when it runs.
 */
public final class SourceFiles {
  private final Optional<Path> root;
  private final SchemaReader reader;
  private final Map<String, Optional<SourceSchema>> read = new HashMap<>();

  public SourceFiles(Optional<Path> root, SchemaReader reader) {
    this.root = root;
    this.reader = reader;
  }

  /** The schema of the source whose {@code path} is written so, or empty when it is not known. */
  public Optional<SourceSchema> schemaOf(String path) {
    return read.computeIfAbsent(path, this::readSchema);
  }

  private Optional<SourceSchema> readSchema(String written) {
    if (written.isBlank()) {
      return Optional.empty();
    }
    Path path = Path.of(written);
    if (!path.isAbsolute()) {
      if (root.isEmpty()) {
        return Optional.empty();
      }
      path = root.get().resolve(path);
    }
    try {
      if (Files.isRegularFile(path)) {
        return Optional.of(new SourceSchema(written, reader.columns(path)));
      }
      if (Files.isDirectory(path)) {
        Optional<Path> file = firstParquetFile(path);
        return file.isEmpty()
            ? Optional.empty()
            : Optional.of(directorySchema(written, path, path.relativize(file.get())));
      }
    } catch (IOException | RuntimeException e) {
      // Unreadable now (being written, not Parquet, a library's failure): not known.
    }
    return Optional.empty();
  }

  /** The columns of {@code file}, in a directory source, and the partition columns of its path. */
  private SourceSchema directorySchema(String written, Path directory, Path file)
      throws IOException {
    Map<String, String> columns = new LinkedHashMap<>(reader.columns(directory.resolve(file)));
    for (int i = 0; i < file.getNameCount() - 1; i++) {
      String segment = file.getName(i).toString();
      int equals = segment.indexOf('=');
      if (equals > 0) {
        columns.putIfAbsent(segment.substring(0, equals), "");
      }
    }
    String shown = (written.endsWith("/") ? written : written + "/") + file;
    return new SourceSchema(shown.replace('\\', '/'), columns);
  }

  private static Optional<Path> firstParquetFile(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".parquet"))
          .sorted()
          .findFirst();
    }
  }
}
