/**
 * Feast's JSON, in and out, for every endpoint: bodies parsed whole ({@link
 * dev.freshet.runtime.json.JsonBodies}), the one rule by which a request's value becomes a typed
 * value ({@link dev.freshet.runtime.json.ValueDecoder}), and feature values written as Feast's
 * server writes them ({@link dev.freshet.runtime.json.JsonValueWriter}).
 */
package dev.freshet.runtime.json;
