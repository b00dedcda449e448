/**
 * The remote transport of generated typed clients: {@code ModelV1Client.remote(URI)} calls a
 * feature server's {@code POST /get-online-features} with the JDK's {@code HttpClient}, reusing its
 * connections, and decodes Feast's JSON with a streaming parser. Needs no Micronaut.
 */
package dev.freshet.client.http;
