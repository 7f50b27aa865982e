package dev.priora.notifications;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a notification is about; each person chooses a {@link Delivery} per kind. Listed
 * in the order the preferences show them.
 */
public enum NotificationKind {

	/** An item was assigned to the team member with your e-mail. */
	ASSIGNED("Assigned to you", "an item is assigned to you", "{actor} assigned {where} to you"),
	/** Someone mentioned you in a comment or an item's description. */
	MENTIONED("Mentioned", "someone mentions you in a comment or a description", "{actor} mentioned you on {where}"),
	/** A comment on an item you watch. */
	COMMENTED("Comments", "someone comments on an item you watch", "{actor} commented on {where}"),
	/** A watched item changed status. */
	STATUS_CHANGED("Status changes", "an item you watch changes status", "{where}: {actor} {what}"),
	/** An item a watched item waits on (a dependency) is done. */
	DEPENDENCY_DONE("Dependency done", "an item you wait on is done", "{where}: {what}"),
	/** Your item was accepted or rejected in a sprint review. */
	REVIEWED("Sprint review", "your item is accepted or rejected in a sprint review", "{where}: {actor} {what}"),
	/** An applied release plan moved your items. */
	PLAN_MOVED("Plan applied", "an applied plan moves your items", "{actor} applied a plan that moved {where}"),
	/** A watched release's forecast flag changed (on track, at risk, off track). */
	RELEASE_FLAG("Release forecast", "a release you watch goes at risk or off track, or back on track",
			"Release {where}: {what}"),
	/** New feedback arrived in an inbox you watch. */
	FEEDBACK_RECEIVED("New feedback", "new feedback arrives in an inbox you watch", "New feedback: {where}"),
	/**
	 * A theme or kind of feedback spikes this week in an inbox you watch (once a week
	 * each).
	 */
	THEME_SPIKE("Feedback spikes", "a theme or kind of feedback spikes in an inbox you watch", "Spike: {where}"),
	/** An import you started finished or failed. */
	IMPORT_ENDED("Imports", "an import you started finishes or fails", "{where} {what}"),
	/**
	 * The weekly backlog health summary of a product you own (e-mailed unless chosen
	 * otherwise).
	 */
	BACKLOG_HEALTH("Weekly backlog health", "the weekly backlog health summary of a product you own is ready",
			"{where}: {what}", Delivery.EMAIL_NOW);

	private static final Pattern PLACE = Pattern.compile("\\{(actor|where|what)}");

	private final String label;

	private final String description;

	private final String headline;

	private final Delivery byDefault;

	NotificationKind(String label, String description, String headline) {
		this(label, description, headline, Delivery.IN_APP);
	}

	NotificationKind(String label, String description, String headline, Delivery byDefault) {
		this.label = label;
		this.description = description;
		this.headline = headline;
		this.byDefault = byDefault;
	}

	/** The delivery of someone who never chose one for this kind. */
	public Delivery byDefault() {
		return byDefault;
	}

	public String label() {
		return label;
	}

	/** When it notifies, as a phrase after "when". */
	public String description() {
		return description;
	}

	/**
	 * One line saying what happened, for an e-mail's subject: who ({@code actor}, e.g.
	 * "Ana"), where ({@code where}, e.g. "SHOP-12 Checkout by card") and what (the
	 * notification's message without its quote, e.g. "changed the status from Ready to
	 * Done").
	 */
	public String headline(String actor, String where, String what) {
		return PLACE.matcher(headline).replaceAll(m -> Matcher.quoteReplacement(switch (m.group(1)) {
			case "actor" -> actor;
			case "where" -> where;
			default -> what;
		}));
	}

	/**
	 * The kind's name in mail kinds and unsubscribe links: lower case, words joined by
	 * {@code -} (e.g. {@code status-changed}).
	 */
	public String slug() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The kind with this {@link #slug()}. */
	public static Optional<NotificationKind> ofSlug(String slug) {
		for (NotificationKind kind : values()) {
			if (kind.slug().equals(slug)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

}
