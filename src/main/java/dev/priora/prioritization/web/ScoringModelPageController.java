package dev.priora.prioritization.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.problem.DomainProblem;
import dev.priora.prioritization.ModelDefinition;
import dev.priora.prioritization.ModelDefinition.CriterionDef;
import dev.priora.prioritization.ModelDefinition.OptionDef;
import dev.priora.prioritization.ModelDefinition.ScaleDef;
import dev.priora.prioritization.ScoringModels;
import dev.priora.prioritization.ScoringModelView;
import dev.priora.prioritization.engine.Criterion;
import dev.priora.prioritization.engine.ModelSpec;

/** The scoring model editor: the models, activate one, and write custom scorecards. */
@Controller
class ScoringModelPageController {

	static final String MODELS_VIEW = "prioritization/models";

	private final ScoringModels models;

	ScoringModelPageController(ScoringModels models) {
		this.models = models;
	}

	/**
	 * The criterion rows of the editor form, as parallel lists; a row without a key is
	 * ignored.
	 */
	record CriteriaForm(List<String> ckey, List<String> clabel, List<String> crole, List<String> cweight,
			List<String> cscale, List<String> cmin, List<String> cmax, List<String> coptions, List<String> csource,
			List<String> cdefault) {

		ModelDefinition toDefinition(String formula) {
			List<CriterionDef> criteria = new ArrayList<>();
			for (int i = 0; ckey != null && i < ckey.size(); i++) {
				if (ckey.get(i) == null || ckey.get(i).isBlank()) {
					continue;
				}
				criteria.add(new CriterionDef(ckey.get(i).strip(), at(clabel, i),
						enumOf(Criterion.Role.class, at(crole, i)), number("weight", at(cweight, i)),
						new ScaleDef(at(cscale, i), number("min", at(cmin, i)), number("max", at(cmax, i)),
								options(at(coptions, i))),
						enumOf(Criterion.Source.class, at(csource, i)), number("default", at(cdefault, i))));
			}
			return new ModelDefinition(enumOf(ModelSpec.Formula.class, formula), criteria);
		}

		private static String at(List<String> list, int i) {
			return list == null || i >= list.size() ? null : list.get(i);
		}

		private static <E extends Enum<E>> E enumOf(Class<E> type, String v) {
			try {
				return v == null || v.isBlank() ? null : Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw DomainProblem.invalid(type.getSimpleName().toLowerCase(Locale.ROOT), "'" + v + "' is not known");
			}
		}

		private static Double number(String field, String v) {
			if (v == null || v.isBlank()) {
				return null;
			}
			try {
				return Double.valueOf(v.strip());
			}
			catch (NumberFormatException e) {
				throw DomainProblem.invalid(field, "'" + v + "' is not a number");
			}
		}

		/** "Must=3; Should=2" → options. */
		private static List<OptionDef> options(String text) {
			if (text == null || text.isBlank()) {
				return null;
			}
			List<OptionDef> options = new ArrayList<>();
			for (String part : text.split(";")) {
				if (part.isBlank()) {
					continue;
				}
				int eq = part.lastIndexOf('=');
				if (eq < 1) {
					throw DomainProblem.invalid("options", "write options as label=value; label=value");
				}
				Double value = number("options", part.substring(eq + 1));
				options.add(new OptionDef(part.substring(0, eq).strip(), value == null ? 0 : value));
			}
			return options;
		}
	}

	@GetMapping("/p/{key}/scoring/models")
	String models(@PathVariable String key, @RequestParam(required = false) Long edit, Model m) {
		fill(key, edit, m);
		return MODELS_VIEW;
	}

	@PostMapping("/p/{key}/scoring/models")
	@Requires(Permission.EDIT_BACKLOG)
	String save(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@RequestParam(required = false) Long id, @RequestParam(defaultValue = "0") long version,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "SUM") String formula,
			CriteriaForm criteria, RedirectAttributes redirect) {
		ModelDefinition definition = criteria.toDefinition(formula);
		ScoringModelView saved = id == null ? models.create(key, name, definition, user.id())
				: models.update(key, id, name, definition, version, user.id());
		redirect.addFlashAttribute("toast", "Saved " + saved.name() + ".");
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/scoring/models?edit=" + saved.id();
	}

	@PostMapping("/p/{key}/scoring/models/{id}/activate")
	@Requires(Permission.EDIT_BACKLOG)
	String activate(@PathVariable String key, @PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("toast", models.activate(key, id).name() + " now orders the backlog.");
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/scoring/models";
	}

	@PostMapping("/p/{key}/scoring/models/{id}/delete")
	@Requires(Permission.EDIT_BACKLOG)
	String delete(@PathVariable String key, @PathVariable long id, RedirectAttributes redirect) {
		models.delete(key, id);
		redirect.addFlashAttribute("toast", "Model deleted.");
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/scoring/models";
	}

	private void fill(String key, Long edit, Model m) {
		List<ScoringModelView> all = models.models(key);
		m.addAttribute("models", all);
		ScoringModelView editing = edit == null ? null
				: all.stream().filter(x -> x.id() == edit).findFirst().orElse(null);
		m.addAttribute("editing", editing);
		m.addAttribute("roles", Criterion.Role.values());
		m.addAttribute("sources", Criterion.Source.values());
		m.addAttribute("formulas", ModelSpec.Formula.values());
		java.util.Map<String, String> optionTexts = new java.util.HashMap<>();
		java.util.Map<String, String> defaults = new java.util.HashMap<>();
		if (editing != null) {
			for (CriterionDef c : editing.definition().criteria()) {
				optionTexts.put(c.key(), optionsText(c.scale()));
				defaults.put(c.key(), c.defaultValue() == null ? "" : Charts.num(c.defaultValue()));
			}
		}
		m.addAttribute("optionTexts", optionTexts);
		m.addAttribute("defaults", defaults);
	}

	/** Options of a choice scale as the editor shows them. */
	static String optionsText(ScaleDef scale) {
		if (scale == null || scale.options() == null) {
			return "";
		}
		return String.join("; ", scale.options().stream().map(o -> o.label() + "=" + Charts.num(o.value())).toList());
	}

}
