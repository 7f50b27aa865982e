/**
 * Dependency graphs between backlog items: cycle detection, a dependency-safe priority
 * order, critical paths and the layered layout of the dependency map.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.priora.dependencies;
