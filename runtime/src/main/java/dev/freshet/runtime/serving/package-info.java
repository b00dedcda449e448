/**
 * The feature server: Feast's JSON API ({@code /get-online-features}, {@code /push}, {@code
 * /materialize}, {@code /materialize-incremental}, {@code /health}) over the online store, with
 * read and push roles and bearer tokens. Requests are parsed and responses written by streaming
 * JSON code against lookups prepared once from the registry.
 */
package dev.freshet.runtime.serving;
