package dev.priora.backlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class EstimatePickerTest {

	private final EstimatePicker picker = EstimatePicker
		.of(List.of(new BigDecimal("0.5"), BigDecimal.ONE, new BigDecimal("2.00"), new BigDecimal("1000")));

	@Test
	void labelsReadAsThePagesNumbersAndTheEstimateIsSelectedWhateverItsScale() {
		assertThat(picker.options(new BigDecimal("2")))
			.extracting(EstimatePicker.Option::label, EstimatePicker.Option::selected)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("0.5", false),
					org.assertj.core.groups.Tuple.tuple("1", false), org.assertj.core.groups.Tuple.tuple("2", true),
					org.assertj.core.groups.Tuple.tuple("1,000", false));
	}

	@Test
	void anEstimateOffTheScaleIsKeptAsItsOwnOptionAtTheEnd() {
		var options = picker.options(new BigDecimal("7"));
		assertThat(options).hasSize(5);
		assertThat(options.get(4)).isEqualTo(new EstimatePicker.Option("7", "7", true));
		assertThat(options.subList(0, 4)).noneMatch(EstimatePicker.Option::selected);
	}

	@Test
	void noEstimateSelectsNothing() {
		assertThat(picker.options(null)).hasSize(4).noneMatch(EstimatePicker.Option::selected);
	}

}
