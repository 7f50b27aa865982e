package dev.priora.integration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.priora.problem.DomainProblem;

/**
 * A refused cell of an export document: table, row (1-based, null for the whole table),
 * column (or null) and why.
 */
record ArchiveProblem(String table, Integer row, String column, String reason) {

	Map<String, Object> toMap() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("table", table);
		m.put("row", row);
		m.put("column", column);
		m.put("reason", reason);
		return m;
	}

	@Override
	public String toString() {
		return table + (row == null ? "" : "[" + row + "]") + (column == null ? "" : "." + column) + ": " + reason;
	}

	/**
	 * 400 naming every problem (table, row, column, reason); the detail names the first
	 * three, and says "or more" when the check stopped at
	 * {@value ArchiveCheck#MAX_PROBLEMS}.
	 */
	static DomainProblem refused(List<ArchiveProblem> problems) {
		String detail = "The file was not imported: " + problems.size()
				+ (problems.size() == ArchiveCheck.MAX_PROBLEMS ? " or more" : "") + " problem"
				+ (problems.size() == 1 ? "" : "s") + "; "
				+ String.join("; ", problems.stream().limit(3).map(ArchiveProblem::toString).toList());
		return DomainProblem.invalid(detail, problems.stream().map(ArchiveProblem::toMap).toList());
	}

}
