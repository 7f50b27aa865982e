package dev.priora.problem;

/** Strong ETags made from row versions: version 3 is {@code "3"}. */
public final class Etags {

	private Etags() {
	}

	public static String of(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * The version in an If-Match header; a missing header answers 428, an unreadable one
	 * 412.
	 */
	public static long versionFrom(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw DomainProblem.versionRequired();
		}
		String v = ifMatch.strip();
		if (v.startsWith("W/")) {
			v = v.substring(2);
		}
		v = v.replace("\"", "");
		try {
			return Long.parseLong(v);
		}
		catch (NumberFormatException e) {
			throw DomainProblem.invalid("If-Match", "must be an ETag this server sent, like \"3\"");
		}
	}

}
