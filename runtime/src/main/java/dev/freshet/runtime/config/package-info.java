/**
 * The runtime's configuration, read by Micronaut from {@code application.yml}, system properties
 * and environment variables ({@code freshet.online-store.type} is also {@code
 * FRESHET_ONLINE_STORE_TYPE}).
 */
package dev.freshet.runtime.config;
