package dev.priora.notifications;

/**
 * How a person wants a kind of notification. Every choice but {@link #OFF} shows it in
 * the app; the e-mail choices also e-mail it when mail is configured
 * ({@code NotificationMails}, {@code DigestMails}).
 */
public enum Delivery {

	/** In the app only (the default). */
	IN_APP("In the app"),
	/** In the app, and by e-mail right away. */
	EMAIL_NOW("E-mail now"),
	/** In the app, and in a daily e-mail digest. */
	EMAIL_DIGEST("Daily digest"),
	/** Not at all. */
	OFF("Off");

	private final String label;

	Delivery(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
