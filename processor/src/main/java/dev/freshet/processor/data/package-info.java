/**
 * What the repository's data files say, read at compile time where they can be: the repository's
 * root ({@link dev.freshet.processor.data.RepositoryRoot}), and the columns of each file source's
 * Parquet file ({@link dev.freshet.processor.data.SourceFiles}), read from its footer alone. A file
 * that is not there at compile time is simply not known; nothing here reports an error.
 */
package dev.freshet.processor.data;
