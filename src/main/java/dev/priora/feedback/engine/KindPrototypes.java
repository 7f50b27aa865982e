package dev.priora.feedback.engine;

import java.util.List;
import java.util.Map;

/**
 * The words the general model starts from: for each kind of feedback and each sentiment,
 * a description and example sentences written for Priora (none taken from any data set),
 * each embedded by the sentence model as one prototype ({@link PrototypeClassifier}).
 */
public final class KindPrototypes {

	/** Softmax temperature over cosine similarities (0.05: a lead of 0.1 is 7 to 1). */
	public static final double TEMPERATURE = 0.05;

	/** Kind → description and examples. */
	public static final Map<String, List<String>> KINDS = Map.of("BUG", List.of(
			"A bug report: something in the product is broken, crashes, shows an error or does not work as it should.",
			"The app crashes when I click save.", "I get an error 500 when uploading a file.",
			"Export stopped working after the last update, the file is empty.",
			"Steps to reproduce: open the page, press the button, nothing happens.",
			"The totals on the invoice are calculated wrong.", "Login fails with an exception since yesterday.",
			"Expected the list to be sorted by date but it is in random order.",
			"The page freezes and the fan spins up, memory leak?"), "FEATURE_REQUEST",
			List.of("A feature request: the customer asks for something new the product does not do yet.",
					"It would be great if we could export reports to Excel.", "Please add dark mode.",
					"Can you support single sign-on with our identity provider?",
					"We need an API to sync our orders automatically.", "I wish I could schedule posts in advance.",
					"Add an option to filter by customer segment.",
					"Allow more than one assignee per task, that would help our team a lot."),
			"QUESTION",
			List.of("A question: the customer asks how to do something or how the product works.",
					"How do I reset my password?", "Is there a way to change the currency of an invoice?",
					"Where can I find the API key?", "Does the plan include phone support?",
					"What is the difference between the two plans?", "How can I invite my colleagues to the workspace?",
					"Can someone explain how the import handles duplicates?"),
			"PRAISE",
			List.of("Praise: the customer is happy and thanks the team or loves the product.",
					"I love the new dashboard, great job!", "Thank you, your support team was fantastic.",
					"This tool saves us hours every week.", "Best product we have used for this, keep it up.",
					"The new release is so much faster, really impressed.",
					"Kudos to the team, the onboarding was smooth."),
			"COMPLAINT",
			List.of("A complaint about the experience: the customer is unhappy with the service, price, speed or usability, not a specific defect.",
					"Your support took a week to answer, this is unacceptable.",
					"The new pricing is far too expensive for a small team.",
					"The interface is confusing and cluttered, I can never find anything.",
					"Everything is so slow lately, it is frustrating to use.",
					"We are disappointed and are considering switching to another tool.",
					"Too many emails from you, it is annoying."),
			"OTHER",
			List.of("Other: a message that is not about the product, such as a greeting, spam or an administrative note.",
					"Hello, just checking in.", "Please update our billing address to the new office.",
					"Out of office until Monday.", "Meeting notes from the quarterly review call.",
					"Buy cheap watches online now."));

	/** Sentiment → description and examples. */
	public static final Map<String, List<String>> SENTIMENTS = Map.of("NEGATIVE",
			List.of("The writer is unhappy, angry, frustrated or disappointed.", "This is terrible and broken again.",
					"I am really frustrated, nothing works.", "Very disappointed with the service.",
					"It crashes all the time, we are losing customers because of it.",
					"Awful experience, too slow and buggy."),
			"NEUTRAL",
			List.of("The writer states facts or asks without emotion.", "How do I export the data?",
					"Please add a field for the order number.", "We use the product in three teams.",
					"The report shows the totals per month.", "Could you add an option to change the language?"),
			"POSITIVE",
			List.of("The writer is happy, grateful or pleased.", "Great work, thank you so much!",
					"I love how easy this is.", "Really impressed with the new version.",
					"Your support was fantastic and quick.", "This makes our day so much easier."));

	private KindPrototypes() {
	}

}
