package dev.priora.prioritization.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.priora.prioritization.engine.Criterion.Role;
import dev.priora.prioritization.engine.Criterion.Source;

class ScorerTest {

	private static final Scale IMPACT = new Scale.Choice(
			List.of(new Scale.Option("high", 2), new Scale.Option("medium", 1), new Scale.Option("low", 0.5)));

	private static final ModelSpec RICE = new ModelSpec(ModelSpec.Formula.PRODUCT,
			List.of(new Criterion("reach", "Reach", Role.BENEFIT, 1, new Scale.Linear(0, 1e9), Source.CUSTOMERS),
					new Criterion("impact", "Impact", Role.BENEFIT, 1, IMPACT, Source.MANUAL),
					new Criterion("confidence", "Confidence", Role.BENEFIT, 1, new Scale.Linear(0, 1), Source.MANUAL),
					new Criterion("effort", "Effort", Role.COST, 1, new Scale.Linear(0, 1000), Source.ESTIMATE)));

	private static final ModelSpec WSJF = new ModelSpec(ModelSpec.Formula.SUM,
			List.of(new Criterion("value", "Business value", Role.BENEFIT, 1, new Scale.Fibonacci(), Source.MANUAL),
					new Criterion("time", "Time criticality", Role.BENEFIT, 1, new Scale.Fibonacci(), Source.MANUAL),
					new Criterion("size", "Job size", Role.COST, 1, new Scale.Fibonacci(), Source.MANUAL)));

	@Test
	void scoresRiceFromEvidenceAndTypedInputsWithABreakdown() {
		Score s = Scorer.score(RICE, new ItemFacts(Map.of("impact", "High", "confidence", "0.8"), 12, 0d, 20, 8d));
		assertThat(s.value()).isEqualTo(2.4);
		assertThat(s.benefit()).isEqualTo(19.2);
		assertThat(s.cost()).isEqualTo(8);
		assertThat(s.breakdown()).extracting(Score.Contribution::source)
			.containsExactly("customers asking", "typed in", "typed in", "the item's estimate");
		assertThat(s.breakdown().get(3).effect()).isEqualTo("divides by 8");
	}

	@Test
	void scoresWsjfAsWeightedBenefitsOverCost() {
		Score s = Scorer.score(WSJF, new ItemFacts(Map.of("value", "8", "time", "13", "size", "5"), 0, 0d, 0, null));
		assertThat(s.value()).isEqualTo(4.2);
		assertThat(s.breakdown().get(0).effect()).isEqualTo("adds 8");
	}

	@Test
	void namesWhatIsMissingInsteadOfProducingNaN() {
		Score noEstimate = Scorer.score(RICE,
				new ItemFacts(Map.of("impact", "high", "confidence", "1"), 3, 0d, 3, null));
		assertThat(noEstimate.scorable()).isFalse();
		assertThat(noEstimate.missing())
			.containsExactly("Effort: the item has no estimate; estimate it or give the model a default");
		Score zeroEffort = Scorer.score(RICE, new ItemFacts(Map.of("impact", "high", "confidence", "1"), 3, 0d, 3, 0d));
		assertThat(zeroEffort.missing()).containsExactly("Effort: must be above 0");
		Score notFibonacci = Scorer.score(WSJF, new ItemFacts(Map.of("value", "4", "size", "5"), 0, 0d, 0, null));
		assertThat(notFibonacci.missing()).containsExactly(
				"Business value: must be one of 1, 2, 3, 5, 8, 13, 20, 40, 100", "Time criticality: missing");
		assertThat(
				Scorer.score(RICE, new ItemFacts(Map.of("impact", "huge", "confidence", "1"), 1, 0d, 1, 2d)).missing())
			.containsExactly("Impact: must be one of [high, medium, low]");
	}

	@Test
	void categoryModelsScoreTheChosenOption() {
		ModelSpec moscow = new ModelSpec(ModelSpec.Formula.CATEGORY,
				List.of(new Criterion("priority", "Priority", Role.BENEFIT, 1,
						new Scale.Choice(List.of(new Scale.Option("Must", 3), new Scale.Option("Won't", 0))),
						Source.MANUAL)));
		Score s = Scorer.score(moscow, new ItemFacts(Map.of("priority", "must"), 0, 0d, 0, null));
		assertThat(s.value()).isEqualTo(3);
		assertThat(s.category()).isEqualTo("Must");
	}

	@Test
	void refusesModelsThatCannotScore() {
		assertThatThrownBy(() -> new ModelSpec(ModelSpec.Formula.SUM,
				List.of(new Criterion("size", "Size", Role.COST, 1, new Scale.Fibonacci(), Source.MANUAL))))
			.hasMessageContaining("benefit");
		assertThatThrownBy(() -> new Criterion("x", "X", Role.BENEFIT, 0, new Scale.Fibonacci(), Source.MANUAL))
			.hasMessageContaining("weight");
		assertThatThrownBy(() -> new Scale.Linear(5, 5)).hasMessageContaining("min < max");
	}

	@Test
	void usesEvidenceWhenThereIsSomeElseATypedValueElseTheDefault() {
		ModelSpec rice = new ModelSpec(ModelSpec.Formula.PRODUCT,
				List.of(new Criterion("reach", "Reach", Role.BENEFIT, 1, new Scale.Linear(0, 1e9), Source.CUSTOMERS,
						2d),
						new Criterion("effort", "Effort", Role.COST, 1, new Scale.Linear(0, 1000), Source.ESTIMATE)));
		Score byDefault = Scorer.score(rice, new ItemFacts(Map.of(), 0, 0d, 0, 4d));
		assertThat(byDefault.value()).isEqualTo(0.5);
		assertThat(byDefault.breakdown().get(0).origin()).isEqualTo(Score.Origin.DEFAULT);
		assertThat(byDefault.breakdown().get(0).source()).isEqualTo("the model's default (no customers asked)");
		Score typed = Scorer.score(rice, new ItemFacts(Map.of("reach", "40"), 0, 0d, 0, 4d));
		assertThat(typed.value()).isEqualTo(10);
		assertThat(typed.breakdown().get(0).origin()).isEqualTo(Score.Origin.TYPED);
		assertThat(typed.breakdown().get(0).source()).isEqualTo("typed in (no customers asked)");
		Score evidence = Scorer.score(rice, new ItemFacts(Map.of("reach", "40"), 12, 0d, 0, 4d));
		assertThat(evidence.value()).isEqualTo(3);
		assertThat(evidence.contribution("reach").origin()).isEqualTo(Score.Origin.EVIDENCE);
		ModelSpec noDefault = new ModelSpec(ModelSpec.Formula.PRODUCT,
				List.of(new Criterion("reach", "Reach", Role.BENEFIT, 1, new Scale.Linear(0, 1e9), Source.CUSTOMERS)));
		assertThat(Scorer.score(noDefault, new ItemFacts(Map.of(), 0, 0d, 0, null)).missing())
			.containsExactly("Reach: no customers asked; type a value for it or give the model a default");
		assertThatThrownBy(() -> new Criterion("v", "V", Role.BENEFIT, 1, new Scale.Fibonacci(), Source.MANUAL, 3d))
			.hasMessageContaining("only evidence criteria");
		assertThatThrownBy(
				() -> new Criterion("r", "R", Role.BENEFIT, 1, new Scale.Linear(0, 10), Source.CUSTOMERS, 11d))
			.hasMessageContaining("must be from 0 to 10");
	}

}
