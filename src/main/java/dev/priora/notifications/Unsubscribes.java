package dev.priora.notifications;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.notifications.UnsubscribeLinks.Target;

/**
 * One-click unsubscribe from notification e-mails by a link's token, with no sign-in: the
 * token itself ({@link UnsubscribeLinks}) names the person and what to stop. A kind's
 * link turns that kind from e-mail (now or digest) to in-app; the digest's link turns
 * every kind chosen for the digest to in-app. Nothing else is changed or revealed.
 */
@Service
public class Unsubscribes {

	private static final Set<Delivery> EMAIL = EnumSet.of(Delivery.EMAIL_NOW, Delivery.EMAIL_DIGEST);

	/**
	 * What a link stops, as its page says it.
	 *
	 * @param title e.g. "e-mails about “Mentioned”" or "the daily digest e-mail"
	 * @param when when those mails come, after "when" (null for the digest)
	 * @param emailed whether such mails still go to the person
	 * @param digest whether the link stops the digest
	 */
	public record Subject(String title, String when, boolean emailed, boolean digest) {
	}

	private final UnsubscribeLinks links;

	private final NotificationRepository notifications;

	private final EmailRepository emails;

	Unsubscribes(UnsubscribeLinks links, NotificationRepository notifications, EmailRepository emails) {
		this.links = links;
		this.notifications = notifications;
		this.emails = emails;
	}

	/** What the token's link stops; empty for a token that is not genuine. */
	@Transactional(readOnly = true)
	public Optional<Subject> find(String token) {
		return target(token).map(this::subject);
	}

	/**
	 * Stops the mails the token's link names, and answers what it stopped; empty (and
	 * nothing changed) for a token that is not genuine. Doing it twice changes nothing
	 * more.
	 */
	@Transactional
	public Optional<Subject> unsubscribe(String token) {
		Optional<Target> target = target(token);
		target.ifPresent(t -> {
			Map<NotificationKind, Delivery> chosen = notifications.preferences(t.userId());
			for (NotificationKind kind : NotificationKind.values()) {
				chosen.putIfAbsent(kind, kind.byDefault());
			}
			chosen.forEach((kind, delivery) -> {
				boolean named = t.kind()
					.map(k -> k == kind && EMAIL.contains(delivery))
					.orElse(delivery == Delivery.EMAIL_DIGEST);
				if (named) {
					notifications.setPreference(t.userId(), kind, Delivery.IN_APP);
				}
			});
		});
		return target.map(this::subject);
	}

	private Optional<Target> target(String token) {
		return links.verify(token).filter(t -> emails.name(t.userId()).isPresent());
	}

	private Subject subject(Target t) {
		Map<NotificationKind, Delivery> chosen = notifications.preferences(t.userId());
		return t.kind()
			.map(k -> new Subject("e-mails about “" + k.label() + "”", k.description(),
					EMAIL.contains(chosen.getOrDefault(k, k.byDefault())), false))
			.orElseGet(() -> new Subject("the daily digest e-mail", null, chosen.containsValue(Delivery.EMAIL_DIGEST),
					true));
	}

}
