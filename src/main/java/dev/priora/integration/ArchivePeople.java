package dev.priora.integration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.priora.accounts.UserView;
import dev.priora.integration.ArchiveCheck.Person;
import dev.priora.integration.ArchiveCheck.PersonEntry;

/**
 * Who the people of an export become here. Nobody is named without their consent: a
 * workspace administrator (restoring a backup) maps each person to the user with the same
 * e-mail address; anyone else maps only themselves. Every other person becomes the
 * importing user wherever the document records who did something (authorship, history,
 * decisions), and their roles in the product are not given; the answer says so.
 */
final class ArchivePeople {

	private final long importer;

	private final Map<Integer, Long> users = new HashMap<>();

	private final Set<Integer> named = new HashSet<>();

	private final List<String> others = new ArrayList<>();

	private final boolean admin;

	private ArchivePeople(long importer, boolean admin) {
		this.importer = importer;
		this.admin = admin;
	}

	/** Maps the document's people for {@code importer}. */
	static ArchivePeople map(Map<Integer, PersonEntry> people, UserView importer,
			Function<String, Optional<UserView>> byEmail) {
		ArchivePeople map = new ArchivePeople(importer.id().value(), importer.admin());
		String own = normalize(importer.email());
		people.forEach((ref, p) -> {
			String email = normalize(p.email());
			Optional<UserView> user = email.equals(own) ? Optional.of(importer)
					: importer.admin() && !email.isEmpty() ? byEmail.apply(email) : Optional.empty();
			if (user.isPresent()) {
				map.users.put(ref, user.get().id().value());
				map.named.add(ref);
			}
			else {
				map.users.put(ref, map.importer);
				map.others.add(email.isEmpty() ? "person " + ref : email);
			}
		});
		return map;
	}

	/** The user who stands for the person. */
	long user(Person p) {
		return users.getOrDefault(p.ref(), importer);
	}

	/** Whether the person is mapped to themselves, so that their role may be given. */
	boolean named(Person p) {
		return named.contains(p.ref());
	}

	long importer() {
		return importer;
	}

	/** What the importing user is told about the people mapped to them. */
	List<String> warnings() {
		if (others.isEmpty()) {
			return List.of();
		}
		String who = String.join(", ", others.subList(0, Math.min(others.size(), 10)))
				+ (others.size() > 10 ? " and " + (others.size() - 10) + " more" : "");
		return List.of(admin
				? others.size() + " people of the file have no account here (" + who
						+ "): what they did is recorded as yours, and their roles were not given."
				: others.size() + " people of the file are not you (" + who
						+ "): what they did is recorded as yours, and their roles were not given; only a workspace"
						+ " administrator can restore other people's roles and authorship.");
	}

	private static String normalize(String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

}
