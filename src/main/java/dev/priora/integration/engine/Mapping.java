package dev.priora.integration.engine;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.priora.integration.engine.ImportBatch.Kind;
import dev.priora.integration.engine.ImportBatch.State;

/**
 * Maps the other tool's status and type names to Priora's. Defaults cover the usual
 * English, Spanish and French names of Jira, Trello and GitHub; the user's own lines
 * ({@code "In QA=IN_PROGRESS"}, {@code "Feature=STORY"}) come first. Names are matched
 * without case or accents.
 */
public final class Mapping {

	private static final Map<String, State> STATES = new HashMap<>();

	private static final Map<String, Kind> KINDS = new HashMap<>();

	static {
		states(State.NEW, "to do", "todo", "open", "backlog", "new", "reopened", "ideas", "icebox", "por hacer",
				"tareas por hacer", "abierta", "abierto", "pendiente", "nuevo", "nueva", "a faire", "ouvert", "ouverte",
				"nouveau", "nouvelle", "en attente", "rouvert");
		states(State.READY, "ready", "selected for development", "ready for development", "up next", "next",
				"to be done", "listo para desarrollo", "seleccionado para desarrollo", "pret",
				"pret pour developpement");
		states(State.IN_PROGRESS, "in progress", "doing", "in review", "code review", "review", "in qa", "qa",
				"testing", "in testing", "in development", "en curso", "en progreso", "en revision", "en cours",
				"en revue", "en test");
		states(State.DONE, "done", "closed", "resolved", "complete", "completed", "released", "finished", "shipped",
				"finalizado", "finalizada", "hecho", "hecha", "cerrado", "cerrada", "resuelto", "resuelta",
				"completado", "termine", "terminee", "fait", "ferme", "fermee", "resolu", "resolue");
		states(State.REJECTED, "rejected", "won't do", "wont do", "won't fix", "cancelled", "canceled", "declined",
				"rechazado", "rechazada", "cancelado", "cancelada", "rejete", "rejetee", "annule", "annulee");
		kinds(Kind.EPIC, "epic", "epica", "epique");
		kinds(Kind.STORY, "story", "user story", "historia", "historia de usuario", "histoire", "recit", "improvement",
				"new feature", "feature", "enhancement", "mejora", "nueva funcion", "nueva caracteristica",
				"amelioration", "nouvelle fonctionnalite", "fonctionnalite");
		kinds(Kind.BUG, "bug", "defect", "error", "fallo", "defecto", "bogue", "anomalie", "incident");
		kinds(Kind.TASK, "task", "tarea", "tache", "sub-task", "subtask", "sub-tarea", "subtarea", "sous-tache",
				"chore");
		kinds(Kind.SPIKE, "spike", "research", "investigation", "investigacion");
	}

	private final Map<String, State> states;

	private final Map<String, Kind> kinds;

	private Mapping(Map<String, State> states, Map<String, Kind> kinds) {
		this.states = Map.copyOf(states);
		this.kinds = Map.copyOf(kinds);
	}

	/** The defaults only. */
	public static Mapping defaults() {
		return new Mapping(Map.of(), Map.of());
	}

	/**
	 * The defaults with the user's lines ({@code Name=STATUS}, {@code Name=TYPE}) first.
	 * @throws IllegalArgumentException naming the first bad line
	 */
	public static Mapping of(List<String> statusLines, List<String> typeLines) {
		Map<String, State> s = new HashMap<>();
		for (String line : statusLines) {
			String[] p = split(line, "status");
			s.put(norm(p[0]), value(State.class, p[1], "status", line));
		}
		Map<String, Kind> k = new HashMap<>();
		for (String line : typeLines) {
			String[] p = split(line, "type");
			k.put(norm(p[0]), value(Kind.class, p[1], "type", line));
		}
		return new Mapping(s, k);
	}

	/**
	 * The status for a name, else for a Jira status category (new, indeterminate, done),
	 * else null.
	 */
	public State state(String name, String category) {
		String n = norm(name);
		State s = states.getOrDefault(n, STATES.get(n));
		if (s != null) {
			return s;
		}
		return switch (norm(category)) {
			case "new", "to do" -> State.NEW;
			case "indeterminate", "in progress" -> State.IN_PROGRESS;
			case "done" -> State.DONE;
			default -> null;
		};
	}

	/** The type for a name, else null. */
	public Kind kind(String name) {
		String n = norm(name);
		return kinds.getOrDefault(n, KINDS.get(n));
	}

	/**
	 * The status for a name or category (see {@link #state(String, String)}); new, with a
	 * warning on the row, when neither is mapped.
	 */
	State state(String name, String category, int row, List<ImportBatch.Note> warnings) {
		State s = state(name, category);
		if (s == null) {
			warnings.add(new ImportBatch.Note(row, "status '" + name + "' is not mapped; imported as new"));
			return State.NEW;
		}
		return s;
	}

	/** The type for a name; a story, with a warning on the row, when it is not mapped. */
	Kind kind(String name, int row, List<ImportBatch.Note> warnings) {
		Kind k = kind(name);
		if (k == null) {
			warnings.add(new ImportBatch.Note(row, "type '" + name + "' is not mapped; imported as a story"));
			return Kind.STORY;
		}
		return k;
	}

	/**
	 * Jira's resolutions that close an issue without doing it (in any of the languages),
	 * normalized as {@link #norm}.
	 */
	private static final Set<String> NOT_DONE = Set.of("won't do", "wont do", "won't fix", "declined",
			"cannot reproduce", "duplicate", "incomplete", "rechazada", "no se hara", "ne sera pas fait",
			"ne sera pas corrige");

	/**
	 * The state of a Jira issue given its resolution: a done issue resolved as not done
	 * (won't do, duplicate, declined…) is rejected; any other state stays.
	 */
	public static State resolved(State state, String resolution) {
		return state == State.DONE && NOT_DONE.contains(norm(resolution)) ? State.REJECTED : state;
	}

	/** True for Jira's sub-task types (in any of the languages). */
	public static boolean subTask(String typeName) {
		return switch (norm(typeName)) {
			case "sub-task", "subtask", "sub-tarea", "subtarea", "sous-tache" -> true;
			default -> false;
		};
	}

	/** Lower case, no accents, single spaces. */
	public static String norm(String s) {
		if (s == null) {
			return "";
		}
		String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
		return d.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("\\s+", " ").strip();
	}

	private static String[] split(String line, String what) {
		int eq = line.lastIndexOf('=');
		if (eq <= 0 || eq == line.length() - 1) {
			throw new IllegalArgumentException(
					"the " + what + " mapping '" + line + "' must look like Name=" + what.toUpperCase(Locale.ROOT));
		}
		return new String[] { line.substring(0, eq).strip(), line.substring(eq + 1).strip() };
	}

	private static <E extends Enum<E>> E value(Class<E> type, String name, String what, String line) {
		try {
			return Enum.valueOf(type, name.toUpperCase(Locale.ROOT).replace(' ', '_'));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("the " + what + " mapping '" + line + "' names no Priora " + what
					+ "; use one of " + List.of(type.getEnumConstants()));
		}
	}

	private static void states(State s, String... names) {
		for (String n : names) {
			STATES.put(norm(n), s);
		}
	}

	private static void kinds(Kind k, String... names) {
		for (String n : names) {
			KINDS.put(norm(n), k);
		}
	}

}
