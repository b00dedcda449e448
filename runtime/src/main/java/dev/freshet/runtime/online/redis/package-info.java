/**
 * The Redis online store, standalone or cluster, in Feast's byte layout: one hash per project and
 * entity, feature fields hashed, a {@code _ts:view} field per view, newest-wins writes done by a
 * Lua script on the server.
 */
package dev.freshet.runtime.online.redis;
