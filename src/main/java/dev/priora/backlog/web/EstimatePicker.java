package dev.priora.backlog.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.priora.web.Formats;

/**
 * The estimate menu of a backlog row: the product's scale, formatted once for the whole
 * page, with the item's estimate selected, and an estimate off the scale (imported, or
 * made before the scale changed) kept as an option of its own at the end.
 */
record EstimatePicker(List<BigDecimal> scale, List<String> labels) {

	record Option(String value, String label, boolean selected) {
	}

	static EstimatePicker of(List<BigDecimal> scale) {
		return new EstimatePicker(List.copyOf(scale), scale.stream().map(Formats::number).toList());
	}

	/** The scale's options with {@code current} selected (none for no estimate). */
	public List<Option> options(BigDecimal current) {
		List<Option> options = new ArrayList<>(scale.size() + 1);
		boolean onScale = false;
		for (int n = 0; n < scale.size(); n++) {
			boolean selected = current != null && current.compareTo(scale.get(n)) == 0;
			onScale |= selected;
			options.add(new Option(scale.get(n).toPlainString(), labels.get(n), selected));
		}
		if (current != null && !onScale) {
			options.add(new Option(current.toPlainString(), Formats.number(current), true));
		}
		return options;
	}

}
