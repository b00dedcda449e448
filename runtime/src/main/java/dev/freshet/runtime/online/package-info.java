/**
 * The online store: one interface ({@link dev.freshet.runtime.online.OnlineStore}) that serving,
 * materialization and pushes use, with Redis ({@code redis/}) and embedded RocksDB ({@code
 * embedded/}) behind it. Both keep Feast's value encoding ({@code layout/}) and the same rule: per
 * entity and view, the newest event timestamp wins.
 */
package dev.freshet.runtime.online;
