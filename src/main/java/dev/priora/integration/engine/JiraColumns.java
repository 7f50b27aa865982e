package dev.priora.integration.engine;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import dev.priora.integration.engine.ImportBatch.LinkKind;

/**
 * The records of a Jira CSV export, and its columns and what each holds: a header in
 * English, Spanish or French (matched without case or accents) names a field; story
 * points and acceptance criteria are found by a phrase in the header (custom fields); an
 * issue-link column ("Outward issue link (Blocks)") holds links of a kind and direction.
 * A field whose column repeats (Sprint, Labels, Comment, Fix Version/s, links) has one
 * value per column; a header nobody reads is unmapped.
 */
final class JiraColumns {

	private static final Pattern LINK = Pattern
		.compile("^(?:(outward|inward) issue link|(?:vinculo|enlace) de incidencia (saliente|entrante)"
				+ "|lien de (?:ticket|demande) (sortant|entrant)) \\((.+)\\)$");

	private static final Map<String, String> ALIASES = new HashMap<>();

	static {
		alias("summary", "summary", "resumen", "resume", "titre", "sommaire");
		alias("key", "issue key", "clave de incidencia", "clave de la incidencia", "clave", "cle de ticket", "cle",
				"cle de la demande", "cle du ticket");
		alias("id", "issue id", "id de la incidencia", "id de incidencia", "id de ticket", "id du ticket",
				"id de la demande");
		alias("type", "issue type", "tipo de incidencia", "tipo de la incidencia", "type de ticket", "type de demande",
				"type de la demande");
		alias("status", "status", "estado", "etat", "statut");
		alias("category", "status category", "categoria de estado", "categorie d'etat", "categorie de statut");
		alias("resolution", "resolution", "resolucion");
		alias("assignee", "assignee", "persona asignada", "responsable", "asignado", "assigne", "assigne a");
		alias("assigneeId", "assignee id", "id de persona asignada", "id de la persona asignada", "id du responsable");
		alias("reporter", "reporter", "informador", "rapporteur");
		alias("reporterId", "reporter id", "id del informador", "id du rapporteur");
		alias("creator", "creator", "creador", "createur");
		alias("creatorId", "creator id", "id del creador", "id du createur");
		alias("lead", "project lead", "responsable del proyecto", "responsable du projet");
		alias("leadId", "project lead id", "id del responsable del proyecto", "id du responsable du projet");
		alias("created", "created", "creada", "creado", "creation", "cree", "date de creation");
		alias("resolved", "resolved", "resuelta", "resuelto", "resolue", "resolu", "date de resolution");
		alias("description", "description", "descripcion");
		alias("labels", "labels", "etiquetas", "etiquettes", "libelles");
		alias("sprint", "sprint");
		alias("rank", "rank", "custom field (rank)", "campo personalizado (rank)", "champ personnalise (rank)",
				"champ personnalise (rang)");
		alias("comment", "comment", "comments", "comentario", "comentarios", "commentaire", "commentaires");
		alias("parent", "parent", "parent id", "parent key", "principal", "padre", "id principal", "id padre",
				"id du parent");
		alias("epicLink", "custom field (epic link)", "campo personalizado (epic link)",
				"campo personalizado (enlace de epica)", "champ personnalise (epic link)",
				"champ personnalise (lien d'epopee)", "epic link", "enlace de epica", "lien d'epopee");
		alias("fixVersion", "fix version/s", "fix versions", "fix version", "version de correccion",
				"versiones de correccion", "version/es de correccion", "version(s) corrigee(s)", "versions corrigees",
				"version corrigee");
	}

	/** One column: its header as written, and what it holds. */
	private record Column(int index, String header, String field, LinkKind link, boolean outward) {
	}

	private final List<Column> columns;

	/**
	 * The file's CSV records, the header first (UTF-8, with or without a BOM).
	 * @throws IllegalArgumentException when it is not UTF-8 CSV
	 */
	static List<CSVRecord> records(byte[] file) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(file))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw new IllegalArgumentException("is not UTF-8 text; export the CSV from Jira again (it writes UTF-8)");
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
			return parser.getRecords();
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
			throw new IllegalArgumentException("is not valid CSV: " + e.getMessage());
		}
	}

	/** The columns the header row names. */
	JiraColumns(CSVRecord header) {
		this.columns = columns(header);
	}

	/** True when a column holds the field. */
	boolean has(String field) {
		return columns.stream().anyMatch(c -> c.field().equals(field));
	}

	/** The headers nobody reads, each once. */
	List<String> unmapped() {
		return columns.stream().filter(c -> c.field().equals("?")).map(Column::header).distinct().toList();
	}

	/**
	 * The record's non-blank values by field, each repeated column adding one value;
	 * links under {@code link:KIND:out} or {@code link:KIND:in}.
	 */
	Map<String, List<String>> values(CSVRecord r) {
		Map<String, List<String>> v = new HashMap<>();
		for (Column c : columns) {
			if (c.index() < r.size() && !c.field().equals("?")) {
				String value = r.get(c.index());
				if (!value.isBlank()) {
					String field = c.link() != null ? "link:" + c.link().name() + ":" + (c.outward() ? "out" : "in")
							: c.field();
					v.computeIfAbsent(field, k -> new ArrayList<>()).add(value);
				}
			}
		}
		return v;
	}

	private static List<Column> columns(CSVRecord header) {
		List<Column> columns = new ArrayList<>();
		for (int i = 0; i < header.size(); i++) {
			String h = header.get(i);
			String n = Mapping.norm(h);
			Matcher link = LINK.matcher(n);
			if (link.matches()) {
				String dir = link.group(1) != null ? link.group(1)
						: link.group(2) != null ? link.group(2) : link.group(3);
				boolean outward = Set.of("outward", "saliente", "sortant").contains(dir);
				columns.add(new Column(i, h, "link", linkKind(link.group(4)), outward));
				continue;
			}
			String field = ALIASES.get(n);
			if (field == null && (n.contains("story point") || n.contains("puntos de historia")
					|| n.contains("points d'histoire") || n.contains("points de story"))) {
				field = "points";
			}
			if (field == null && (n.contains("acceptance criteria") || n.contains("criterios de aceptacion")
					|| n.contains("criteres d'acceptation"))) {
				field = "acceptance";
			}
			columns.add(new Column(i, h, field == null ? "?" : field, null, false));
		}
		return columns;
	}

	private static LinkKind linkKind(String type) {
		String t = Mapping.norm(type);
		if (t.contains("block") || t.contains("bloque")) {
			return LinkKind.DEPENDS_ON;
		}
		if (t.contains("duplic") || t.contains("doublon")) {
			return LinkKind.DUPLICATES;
		}
		return LinkKind.RELATES_TO;
	}

	private static void alias(String field, String... headers) {
		for (String h : headers) {
			ALIASES.put(Mapping.norm(h), field);
		}
	}

}
