package dev.priora.feedback.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryDrafterTest {

	@Test
	void turnsARequestWithAReasonIntoAStory() {
		var draft = StoryDrafter.draft("Enterprise", "PDF invoices",
				"We need PDF invoices for every order so that our accountants can file them. Thanks!");
		assertThat(draft.title()).isEqualTo("PDF invoices");
		assertThat(draft.story())
			.isEqualTo("As an enterprise, I want PDF invoices for every order, so that our accountants can file them.");
		assertThat(draft.acceptanceCriteria()).first()
			.asString()
			.startsWith("Given an enterprise, when they PDF invoices");
	}

	@Test
	void leavesTheBenefitForTheProductOwnerWhenTheFeedbackGivesNone() {
		var draft = StoryDrafter.draft(null, "", "Please add a dark mode to the admin.");
		assertThat(draft.story()).isEqualTo(
				"As a customer, I want add a dark mode to the admin, so that " + "<benefit: why it matters to them>.");
		assertThat(draft.title()).isEqualTo("Add a dark mode to the admin");
	}

	@Test
	void alwaysGivesAtLeastOneCriterion() {
		var draft = StoryDrafter.draft("shop owner", "Faster", "");
		assertThat(draft.acceptanceCriteria()).hasSize(1);
		assertThat(draft.story()).startsWith("As a shop owner, I want faster");
	}

}
