package dev.priora.insights;

import java.util.List;

/** Three topics of feedback, six texts each, for the themes tests. */
public final class ThemeTopics {

	public static final List<String> EXPORT = List.of("Please let us export the report to a CSV file",
			"We need to export our data to Excel spreadsheets", "Export of the backlog as CSV would save us hours",
			"Can I download the report as a spreadsheet file?", "CSV export is missing for the monthly report",
			"Exporting data to Excel fails for big reports");

	public static final List<String> DARK = List.of("A dark mode would be easier on the eyes at night",
			"Please add a dark theme to the app", "The white screen is too bright, give us dark mode",
			"Night mode with dark colours please", "Dark mode for the mobile app would be great",
			"My eyes hurt in the evening, a dark colour scheme would help");

	public static final List<String> LOGIN = List.of("I cannot log in after resetting my password",
			"Password reset email never arrives so I cannot sign in", "Login fails with the new password",
			"Single sign-on with our company account does not work when logging in",
			"Sign-in page says my password is wrong although it is right",
			"Locked out of my account after the password change");

	private ThemeTopics() {
	}

}
