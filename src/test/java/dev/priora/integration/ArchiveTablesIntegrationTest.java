package dev.priora.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.priora.support.IntegrationTestBase;

/**
 * A new table must be exported with its product or left out on purpose: the export cannot
 * forget it silently.
 */
class ArchiveTablesIntegrationTest extends IntegrationTestBase {

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyTableIsExportedOrLeftOutOnPurpose() {
		List<String> tables = jdbc
			.sql("select lower(table_name) from information_schema.tables where lower(table_schema) = 'public'"
					+ " and table_type in ('BASE TABLE', 'TABLE')")
			.query(String.class)
			.list();
		assertThat(tables).contains("items", "webhooks", "item_comments");
		Set<String> known = new HashSet<>(ArchiveTables.LEFT_OUT);
		ArchiveTables.ALL.forEach(t -> known.add(t.name()));
		assertThat(tables).as("tables the export neither holds nor leaves out on purpose (ArchiveTables)")
			.allMatch(known::contains);
		assertThat(ArchiveTables.LEFT_OUT)
			.doesNotContainAnyElementsOf(ArchiveTables.ALL.stream().map(ArchiveTables.Table::name).toList());
	}

}
