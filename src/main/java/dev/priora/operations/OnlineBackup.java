package dev.priora.operations;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import dev.priora.problem.DomainProblem;

/**
 * A backup of the running server's embedded database, taken online on one of its pooled
 * connections ({@link DatabaseBackup}: a consistent snapshot while requests keep
 * writing) into {@code <data-dir>/backups/priora-<UTC time>.sql.gz}. Refused (409) on
 * PostgreSQL, which {@code pg_dump} backs up.
 */
@Service
public class OnlineBackup {

	private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	/** What a backup wrote: the file, its size, the schema version and products. */
	public record Written(String file, long bytes, String schemaVersion, long products) {
	}

	private final DataSource dataSource;

	private final Path folder;

	private final Clock clock;

	OnlineBackup(DataSource dataSource, @Value("${priora.data-dir}") String dataDir, Clock clock) {
		this.dataSource = dataSource;
		this.folder = Path.of(dataDir, "backups");
		this.clock = clock;
	}

	/** Writes a backup now, one at a time on this node. */
	public synchronized Written backup() {
		try (Connection c = dataSource.getConnection()) {
			if (!DatabaseBackup.isH2(c.getMetaData().getURL())) {
				throw DomainProblem.of(HttpStatus.CONFLICT, "backup-not-embedded", "Use pg_dump",
						"Priora runs on PostgreSQL: back it up with pg_dump (docs/OPERATIONS.md, Backups)");
			}
			Path file = folder.resolve("priora-" + NAME.format(clock.instant()) + ".sql.gz");
			Map<String, Object> r = DatabaseBackup.backup(c, file);
			return new Written((String) r.get("file"), (Long) r.get("bytes"), (String) r.get("schemaVersion"),
					(Long) r.get("products"));
		}
		catch (SQLException | IOException e) {
			throw new IllegalStateException("The backup failed: " + e.getMessage(), e);
		}
	}

}
