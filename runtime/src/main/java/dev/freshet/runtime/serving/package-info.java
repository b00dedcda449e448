/**
 * The online read path: the index of features and services prepared once from the registry, Feast's
 * {@code /get-online-features} request read and its response written, the lookup that reads every
 * view and entity of a request in one round trip to the online store, and the in-process transport
 * of typed clients. It knows nothing of HTTP.
 */
package dev.freshet.runtime.serving;
