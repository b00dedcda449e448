/**
 * The embedded online store: RocksDB on local disk, no server. One process at a time opens it;
 * newest-wins is enforced under per-entity locks.
 */
package dev.freshet.runtime.online.embedded;
