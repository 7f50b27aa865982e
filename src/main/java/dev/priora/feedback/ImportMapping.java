package dev.priora.feedback;

/**
 * Which CSV column holds what: {@code text} is required; the others are optional column
 * names. {@code validRowsOnly} imports the valid rows and reports the others; otherwise
 * one bad row imports nothing.
 */
public record ImportMapping(String text, String title, String customer, String date, String externalId, String tags,
		boolean validRowsOnly) {
}
