/**
 * Shared text-index machinery for the engines of other features (Lucene plumbing); a
 * shared module that depends on no feature.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.priora.text;
