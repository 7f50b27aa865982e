package dev.priora.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import dev.priora.problem.DomainProblem;

/**
 * A backup of the running server's embedded database, taken online on one of its pooled
 * connections ({@link DatabaseBackup}: a consistent snapshot while requests keep writing)
 * into {@code <data-dir>/backups/priora-<UTC time>.sql.gz}. Refused (409) on PostgreSQL,
 * which {@code pg_dump} backs up.
 */
@Service
public class OnlineBackup {

	private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	/** What a backup wrote: the file, its size, the schema version and products. */
	public record Written(String file, long bytes, String schemaVersion, long products) {
	}

	/** A backup in the folder: its file name, size and when it was written (UTC). */
	public record Kept(String name, long bytes, Instant written) {

		/** The size for people: bytes, KB or MB (1024-based), one decimal. */
		public String size() {
			return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? String.format("%.1f KB", bytes / 1024.0)
					: String.format("%.1f MB", bytes / (1024.0 * 1024));
		}

		/** When it was written, e.g. {@code 2026-12-02 12:10 UTC}. */
		public String writtenAt() {
			return SHOWN.format(written) + " UTC";
		}

	}

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneOffset.UTC);

	private final DataSource dataSource;

	private final Path folder;

	private final Clock clock;

	OnlineBackup(DataSource dataSource, @Value("${priora.data-dir}") String dataDir, Clock clock) {
		this.dataSource = dataSource;
		this.folder = Path.of(dataDir, "backups");
		this.clock = clock;
	}

	/** True when the database is the embedded H2 one (which this backs up). */
	public boolean embedded() {
		try (Connection c = dataSource.getConnection()) {
			return DatabaseBackup.isH2(c.getMetaData().getURL());
		}
		catch (SQLException e) {
			throw new IllegalStateException("The database cannot be reached: " + e.getMessage(), e);
		}
	}

	/** The folder backups are written to. */
	public String folder() {
		return folder.toAbsolutePath().normalize().toString();
	}

	/** The backups in the folder, newest first (at most {@code limit}). */
	public List<Kept> kept(int limit) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".sql.gz"))
				.map(OnlineBackup::kept)
				.sorted(Comparator.comparing(Kept::written).reversed().thenComparing(Kept::name))
				.limit(limit)
				.toList();
		}
		catch (IOException e) {
			throw new IllegalStateException("The backups folder cannot be read: " + e.getMessage(), e);
		}
	}

	private static Kept kept(Path file) {
		try {
			return new Kept(file.getFileName().toString(), Files.size(file),
					Files.getLastModifiedTime(file).toInstant());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
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
