/**
 * Dependency graphs between backlog items: cycle detection now, ordering and critical
 * paths later.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.priora.dependencies;
