package dev.priora.backlog.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The estimate menu of a backlog row: the product's scale, formatted once for the whole
 * page, with the item's estimate selected, and an estimate off the scale (imported, or
 * made before the scale changed) kept as an option of its own at the end. Numbers read as
 * {@code #fmt.num} writes them ("1,250", "0.5", "13"); the {@code web} module cannot be
 * called from here (it depends on {@code backlog}).
 */
record EstimatePicker(List<BigDecimal> scale, List<String> labels) {

	record Option(String value, String label, boolean selected) {
	}

	static EstimatePicker of(List<BigDecimal> scale) {
		return new EstimatePicker(List.copyOf(scale), scale.stream().map(EstimatePicker::label).toList());
	}

	private static String label(BigDecimal v) {
		DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
		f.setRoundingMode(RoundingMode.HALF_UP);
		return f.format(v);
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
			options.add(new Option(current.toPlainString(), label(current), true));
		}
		return options;
	}

}
