package dev.priora.integration.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.priora.integration.engine.ImportBatch.Item;
import dev.priora.integration.engine.ImportBatch.Kind;
import dev.priora.integration.engine.ImportBatch.LinkKind;
import dev.priora.integration.engine.ImportBatch.State;

class JiraCsvTest {

	static final String ENGLISH = Exports.JIRA_CSV;

	static ImportBatch parse(String csv) {
		return JiraCsv.parse(csv.getBytes(StandardCharsets.UTF_8), Mapping.defaults());
	}

	static Item item(ImportBatch batch, String key) {
		return batch.items().stream().filter(i -> i.key().equals(key)).findFirst().orElseThrow();
	}

	@Test
	void readsRepeatedColumnsHierarchyLinksPointsCommentsAndDates() {
		ImportBatch batch = parse(ENGLISH);
		assertThat(batch.rows()).isEqualTo(7);
		// rank order: SHP-2 (0|i0000a:), SHP-1, SHP-3, then unranked in file order
		assertThat(batch.items()).extracting(Item::key).containsExactly("SHP-2", "SHP-1", "SHP-3", "SHP-4", "SHP-5");
		Item card = item(batch, "SHP-2");
		assertThat(card.kind()).isEqualTo(Kind.STORY);
		assertThat(card.state()).isEqualTo(State.DONE);
		assertThat(card.title()).isEqualTo("Pay by card");
		assertThat(card.description()).isEqualTo("Card \"payments\"");
		assertThat(card.labels()).containsExactly("payments", "pci-scope");
		assertThat(card.sprint()).isEqualTo("Sprint 2");
		assertThat(card.release()).isEqualTo("v1.0");
		assertThat(card.points()).isEqualByComparingTo("5");
		assertThat(card.parent()).as("the Parent column holds the epic's issue id").isEqualTo("SHP-1");
		assertThat(card.assignee()).isEqualTo("Ann Lee");
		assertThat(card.created()).isEqualTo(Instant.parse("2026-03-02T10:15:00Z"));
		assertThat(card.resolved()).isEqualTo(Instant.parse("2026-03-05T16:30:00Z"));
		assertThat(card.comments()).hasSize(2);
		assertThat(card.comments().get(0).author()).isEqualTo("Ann Lee");
		assertThat(card.comments().get(0).body()).isEqualTo("Started @Ann Lee");
		assertThat(card.comments().get(0).at()).isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
		assertThat(card.comments().get(1).author()).as("an unknown account id stays an id").isEqualTo("acc-2");
		assertThat(item(batch, "SHP-3").points()).isEqualByComparingTo("4");
		assertThat(item(batch, "SHP-4").state()).as("Won't Do").isEqualTo(State.REJECTED);
		Item sub = item(batch, "SHP-5");
		assertThat(sub.kind()).isEqualTo(Kind.TASK);
		assertThat(sub.parent()).as("a sub-task joins its story's epic").isEqualTo("SHP-1");
		assertThat(sub.state()).isEqualTo(State.NEW);
		assertThat(batch.links()).extracting(l -> l.from() + " " + l.kind() + " " + l.to())
			.containsExactlyInAnyOrder("SHP-3 DEPENDS_ON SHP-2", "SHP-4 DUPLICATES SHP-3", "SHP-3 RELATES_TO SHP-2",
					"SHP-3 DEPENDS_ON SHP-5");
		assertThat(batch.skipped()).extracting(ImportBatch.Note::row).containsExactly(7, 8);
		assertThat(batch.skipped().get(1).text()).contains("SHP-2 appears again (first on row 3)");
		assertThat(batch.warnings()).anySatisfy(w -> assertThat(w.text()).contains("status 'Mystery' is not mapped"));
		assertThat(batch.unmappedColumns()).containsExactly("Watchers");
		assertThat(batch.sprints()).extracting(ImportBatch.Sprint::name).containsExactly("Sprint 2");
		assertThat(batch.releases()).extracting(ImportBatch.Release::name).containsExactly("v1.0");
	}

	@Test
	void readsSpanishAndFrenchHeadersWithABomAndCrLf() {
		String spanish = "\uFEFFResumen,Clave de incidencia,ID de la incidencia,Tipo de Incidencia,Estado,"
				+ "Etiquetas,Etiquetas,Comentario,Campo personalizado (Puntos de historia),"
				+ "Vínculo de incidencia saliente (Blocks),Creada\r\n"
				+ "Pagar con tarjeta,TAR-1,1,Historia,Finalizado,pagos,,\"01/mar/26 9:00 AM;x;Hecho\",\"2,5\",TAR-2,"
				+ "15/ene/26 10:00 AM\r\n" + "Reembolsos,TAR-2,2,Error,En curso,,,,,,\r\n";
		ImportBatch es = parse(spanish);
		assertThat(es.unmappedColumns()).isEmpty();
		Item pay = item(es, "TAR-1");
		assertThat(pay.kind()).isEqualTo(Kind.STORY);
		assertThat(pay.state()).isEqualTo(State.DONE);
		assertThat(pay.points()).isEqualByComparingTo("2.5");
		assertThat(pay.labels()).containsExactly("pagos");
		assertThat(pay.created()).isEqualTo(Instant.parse("2026-01-15T10:00:00Z"));
		assertThat(pay.comments().get(0).body()).isEqualTo("Hecho");
		assertThat(item(es, "TAR-2").kind()).isEqualTo(Kind.BUG);
		assertThat(item(es, "TAR-2").state()).isEqualTo(State.IN_PROGRESS);
		assertThat(es.links()).extracting(l -> l.from() + ">" + l.to()).containsExactly("TAR-2>TAR-1");

		String french = "Résumé,Clé de ticket,Type de ticket,État,Étiquettes,Commentaire,"
				+ "Lien de ticket entrant (Blocks),Champ personnalisé (Story Points),Création\r\n"
				+ "Payer,FR-1,Récit,À faire,,,,3,14/févr./26 08:30\r\n"
				+ "Rembourser,FR-2,Tâche,Terminé,remboursement,,FR-1,,01/sept./26 17:05\r\n";
		ImportBatch fr = parse(french);
		assertThat(fr.unmappedColumns()).isEmpty();
		assertThat(item(fr, "FR-1").state()).isEqualTo(State.NEW);
		assertThat(item(fr, "FR-1").kind()).isEqualTo(Kind.STORY);
		assertThat(item(fr, "FR-1").created()).isEqualTo(Instant.parse("2026-02-14T08:30:00Z"));
		assertThat(item(fr, "FR-2").kind()).isEqualTo(Kind.TASK);
		assertThat(item(fr, "FR-2").state()).isEqualTo(State.DONE);
		assertThat(item(fr, "FR-2").created()).isEqualTo(Instant.parse("2026-09-01T17:05:00Z"));
		assertThat(fr.links()).extracting(l -> l.from() + ">" + l.to()).containsExactly("FR-2>FR-1");
	}

	@Test
	void usesTheUsersMappingFirstAndRefusesWhatIsNotAJiraExport() {
		Mapping mine = Mapping.of(List.of("Mystery=READY"), List.of("Sub-task=SPIKE"));
		ImportBatch batch = JiraCsv.parse(ENGLISH.getBytes(StandardCharsets.UTF_8), mine);
		assertThat(item(batch, "SHP-5").state()).isEqualTo(State.READY);
		assertThat(item(batch, "SHP-5").kind()).isEqualTo(Kind.SPIKE);
		assertThatThrownBy(() -> Mapping.of(List.of("Mystery=LATER"), List.of()))
			.hasMessageContaining("names no Priora status");
		assertThatThrownBy(() -> parse("name,value\nx,1\n")).hasMessageContaining("Summary and Issue key");
		assertThatThrownBy(() -> JiraCsv.parse(new byte[] { (byte) 0xC3, (byte) 0x28 }, Mapping.defaults()))
			.hasMessageContaining("not UTF-8");
		assertThat(Mapping.defaults().state("Whatever", "indeterminate")).isEqualTo(State.IN_PROGRESS);
		assertThat(LinkKind.values()).hasSize(3);
	}

	@Test
	void readsTheRealJiraCsvExport() throws Exception {
		Path file = Path.of("../shared/data/imports/jira/ericmedlock-planeso-jira-migration_Jira.csv");
		assumeTrue(Files.exists(file), "../shared/data/imports is not here; skipping the check against a real export");
		ImportBatch batch = JiraCsv.parse(Files.readAllBytes(file), Mapping.defaults());
		assertThat(batch.items()).hasSize(22);
		assertThat(batch.skipped()).isEmpty();
		assertThat(batch.sprints()).extracting(ImportBatch.Sprint::name).containsExactly("TES Sprint 1");
		Item done = item(batch, "TES-19");
		assertThat(done.state()).isEqualTo(State.DONE);
		assertThat(done.resolved()).isEqualTo(Instant.parse("2025-09-12T09:05:00Z"));
		assertThat(done.comments()).hasSize(2);
		assertThat(done.comments().get(1).author()).isEqualTo("Sai Sontineni");
		assertThat(item(batch, "TES-24").state()).isEqualTo(State.IN_PROGRESS);
		assertThat(item(batch, "TES-24").assignee()).isEqualTo("Saicharan Basireddy");
		assertThat(batch.items().stream().filter(i -> i.kind() == Kind.STORY).count()).isGreaterThan(5);
		assertThat(batch.unmappedColumns()).contains("Priority", "Watchers")
			.doesNotContain("Summary", "Comment", "Sprint");
	}

}
