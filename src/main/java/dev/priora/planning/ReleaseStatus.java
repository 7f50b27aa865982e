package dev.priora.planning;

/** Where a release is: planned, being worked on, or shipped. */
public enum ReleaseStatus {

	PLANNED, ACTIVE, RELEASED

}
