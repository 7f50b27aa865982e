package dev.priora.portal;

import java.util.List;

/**
 * The workspace's single sign-on providers as one portal offers them to its visitors:
 * every provider, {@code offered} when its "Sign in with …" button is on the portal's
 * sign-in page; {@code version} for optimistic locking.
 */
public record PortalSsoOffer(List<Choice> providers, long version) {

	public PortalSsoOffer {
		providers = List.copyOf(providers);
	}

	/** One provider: its registration id, its name on the button, and whether offered. */
	public record Choice(String registrationId, String name, boolean offered) {
	}

	/** The registration ids offered. */
	public List<String> offered() {
		return providers.stream().filter(Choice::offered).map(Choice::registrationId).toList();
	}

}
