package dev.priora.feedback.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryDrafterTest {

	@Test
	void turnsARequestWithAReasonIntoAStory() {
		var draft = StoryDrafter.draft("Enterprise", "PDF invoices",
				"We need PDF invoices for every order so that our accountants can file them. Thanks!");
		assertThat(draft.title()).isEqualTo("PDF invoices");
		assertThat(draft.goal()).isEqualTo("PDF invoices for every order");
		assertThat(draft.benefit()).isEqualTo("our accountants can file them");
		assertThat(draft.story())
			.isEqualTo("As an enterprise, I want PDF invoices for every order, so that our accountants can file them.");
		assertThat(draft.acceptanceCriteria()).isEmpty();
	}

	@Test
	void leavesTheBenefitEmptyWhenTheFeedbackGivesNone() {
		var draft = StoryDrafter.draft(null, "", "Please add a dark mode to the admin.");
		assertThat(draft.benefit()).isEmpty();
		assertThat(draft.story()).isEqualTo("As a customer, I want you to add a dark mode to the admin.");
		assertThat(draft.title()).isEqualTo("Add a dark mode to the admin");
	}

	@Test
	void findsTheRequestAfterTheContextInsteadOfWantingTheContext() {
		assertThat(StoryDrafter
			.draft("retail customer", "Refills",
					"We sell stationery; our customers want to order refills by subscription.")
			.story())
			.isEqualTo("As a retail customer, I want our customers to be able to order refills by subscription.");
		assertThat(StoryDrafter
			.draft(null, "Stock per size",
					"We sell jackets in six sizes and need to see stock per size. Today we run a spreadsheet.")
			.goal()).isEqualTo("to see stock per size");
		assertThat(StoryDrafter.draft(null, "", "With 4,000 lamps, shoppers need to filter search results by price.")
			.goal()).isEqualTo("shoppers to be able to filter search results by price");
		assertThat(StoryDrafter.draft(null, "", "Search should also forgive small mistakes in product codes.").goal())
			.isEqualTo("search to also forgive small mistakes in product codes");
		assertThat(StoryDrafter.draft(null, "", "Our ERP must learn about new orders within a minute.").goal())
			.isEqualTo("our ERP to learn about new orders within a minute");
		assertThat(StoryDrafter.draft(null, "", "Typing card numbers on a phone is painful; Apple Pay would fix it.")
			.goal()).isEqualTo("Apple Pay");
		var tell = StoryDrafter.draft(null, "", "Tell us when fresh products run low so we can restock in time.");
		assertThat(tell.story()).isEqualTo(
				"As a customer, I want you to tell us when fresh products run low, so that we can restock in time.");
		assertThat(StoryDrafter.draft(null, "", "Please let shoppers narrow results by size.").goal())
			.isEqualTo("shoppers to be able to narrow results by size");
	}

	@Test
	void leavesTheGoalEmptyRatherThanGuessingAGarbledOne() {
		var draft = StoryDrafter.draft("shop owner", "Faster", "");
		assertThat(draft.goal()).isEmpty();
		assertThat(draft.story()).isEmpty();
		assertThat(draft.title()).isEqualTo("Faster");
		var complaint = StoryDrafter.draft(null, "Search cannot find misspelled brands",
				"Shoppers type 'addidas' and get nothing. We lose sales every day because search is so strict.");
		assertThat(complaint.goal()).isEmpty();
		assertThat(complaint.benefit()).isEmpty();
		assertThat(complaint.role()).isEqualTo("customer");
	}

	@Test
	void composesAStorySentenceWithoutAnEmptyBenefit() {
		assertThat(StoryDrafter.compose("admin", "to export users", " "))
			.isEqualTo("As an admin, I want to export users.");
		assertThat(StoryDrafter.compose("", "to export users", "audits are easy."))
			.isEqualTo("As a customer, I want to export users, so that audits are easy.");
		assertThat(StoryDrafter.compose("admin", "", "x")).isEmpty();
	}

	@Test
	void recognisesTemplatePlaceholdersButNotMarkupOrTypeNames() {
		assertThat(StoryDrafter.placeholderIn("so that <benefit: why it matters to them>."))
			.contains("<benefit: why it matters to them>");
		assertThat(StoryDrafter.placeholderIn("then <expected outcome>")).contains("<expected outcome>");
		assertThat(StoryDrafter.placeholderIn("As a <role>, I want")).contains("<role>");
		assertThat(StoryDrafter.placeholderIn("Returns a List<String> of keys")).isEmpty();
		assertThat(StoryDrafter.placeholderIn("line<br/>break and <a href=\"x\">link</a>")).isEmpty();
		assertThat(StoryDrafter.placeholderIn("when a < b and c > d")).isEmpty();
		assertThat(StoryDrafter.placeholderIn(null)).isEmpty();
	}

}
