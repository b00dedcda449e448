/**
 * The registry: the generated one (the definitions compiled into this jar), and the registry store
 * that records what was applied and which time ranges each view has materialized, in a file or in
 * PostgreSQL. {@code apply} and {@code plan} diff the two.
 */
package dev.freshet.runtime.registry;
