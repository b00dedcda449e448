/**
 * Opens the online store the configuration names, as the one {@link
 * dev.freshet.runtime.online.OnlineStore} bean every job uses. Apart from the interface's package,
 * so that the interface does not depend on its implementations.
 */
package dev.freshet.runtime.online.factory;
