package dev.priora.support;

import java.math.BigDecimal;
import java.util.List;

/** A team member. See {@link Fixtures#aTeamMember(String)}. */
public final class TeamMemberBuilder extends RequestBuilder<TeamMemberBuilder> {

	TeamMemberBuilder(String name) {
		with("name", name);
		with("capacity", BigDecimal.TEN);
	}

	/** The e-mail that ties the member to a user ("me" on the board). */
	public TeamMemberBuilder email(String email) {
		return with("email", email);
	}

	/** Points per sprint; 10 unless set. */
	public TeamMemberBuilder capacity(Number points) {
		return with("capacity", new BigDecimal(points.toString()));
	}

	public TeamMemberBuilder skills(String... skills) {
		return with("skills", List.of(skills));
	}

	/** Adds the member to {@code product}'s team; answers their id. */
	public long in(TestProduct product) {
		return createForId(product, "/team");
	}

}
