package dev.priora.feedback;

import java.util.List;
import java.util.Map;

/**
 * What an import did, or would do in a dry run: rows read, feedback imported, rows
 * skipped as already imported (same external id), customers created from the customer
 * column, every row's error with its row number (the header is row 0), and a preview of
 * the first rows as mapped, and the columns (or JSON fields) the file has.
 */
public record ImportResult(boolean dryRun, int rows, int imported, int duplicates, int customersCreated,
		List<RowError> errors, List<Map<String, String>> preview, List<String> columns) {

	/** A refused row: its number (1 = first data row), the field and why. */
	public record RowError(long row, String field, String reason) {
	}

}
