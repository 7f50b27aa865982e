package dev.priora.portal.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.priora.problem.DomainProblem;

import static org.assertj.core.api.Assertions.assertThat;

class PortalSettingsFormTest {

	@Test
	void namesEachRefusedFieldByTheLabelThePageShowsAndItsBox() {
		Map<String, String> reasons = new LinkedHashMap<>();
		reasons.put("colour", "is a colour like #4f46e5");
		reasons.put("allowedDomains", "a private portal needs at least one allowed domain or address");
		reasons.put("statusNames", "each status name is one line of at most 40 characters");
		assertThat(PortalSettingsForm.errors(DomainProblem.invalid(reasons))).containsExactly(
				new PortalSettingsForm.FieldError("colour", "Colour", "is a colour like #4f46e5"),
				new PortalSettingsForm.FieldError("allowedDomains", "Allowed e-mail domains",
						"a private portal needs at least one allowed domain or address"),
				new PortalSettingsForm.FieldError("nameUnderReview", "Status names visitors see",
						"each status name is one line of at most 40 characters"));
	}

	@Test
	void aProblemWithoutFieldsIsOneReasonWithoutABox() {
		var errors = PortalSettingsForm.errors(DomainProblem.stale("The portal's settings", 3, "someone"));
		assertThat(errors).hasSize(1);
		assertThat(errors.get(0).id()).isEmpty();
	}

	@Test
	void aTickedBoxIsTrueOrOnAndAnythingElseIsUnticked() {
		var form = new PortalSettingsForm("on", "t", "", "#000000", "public", "", "", "", "yes", "true", null, null,
				null, null, null, "x");
		assertThat(form.checked("enabled")).isTrue();
		assertThat(form.checked("holdNewIdeas")).isFalse();
		assertThat(form.checked("holdNewComments")).isTrue();
		assertThat(form.expectedVersion()).isEqualTo(-1);
		assertThat(form.draft().holdNewComments()).isTrue();
	}

}
