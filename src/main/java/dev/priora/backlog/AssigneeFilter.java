package dev.priora.backlog;

import dev.priora.problem.DomainProblem;

import java.util.Locale;

/**
 * Who the listed items are assigned to (the team and its assignments belong to
 * {@code progress}; the backlog reads them): one team member, the reader (the team member
 * whose e-mail is theirs), or nobody.
 */
public record AssigneeFilter(Long memberId, String email, boolean nobody) {

	public AssigneeFilter {
		int set = (memberId != null ? 1 : 0) + (email != null ? 1 : 0) + (nobody ? 1 : 0);
		if (set != 1) {
			throw new IllegalArgumentException("exactly one of memberId, email, nobody");
		}
	}

	/**
	 * The filter a request names: blank (any: null), {@code me}, {@code none}, or a team
	 * member's id; {@code readerEmail} is the e-mail "me" stands for.
	 */
	public static AssigneeFilter of(String text, String readerEmail) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip().toLowerCase(Locale.ROOT);
		if (t.equals("me") || t.equals("mine")) {
			return new AssigneeFilter(null, readerEmail == null ? "" : readerEmail.strip(), false);
		}
		if (t.equals("none")) {
			return new AssigneeFilter(null, null, true);
		}
		try {
			return new AssigneeFilter(Long.valueOf(t), null, false);
		}
		catch (NumberFormatException e) {
			throw DomainProblem.invalid("assignee", "must be me, none or a team member's id");
		}
	}

}
