package dev.priora.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.priora.operations.DatabaseBackup;

/**
 * {@code backup --to FILE} and {@code restore --from FILE [--force]}: the embedded H2
 * database to and from a gzip-compressed SQL script ({@link DatabaseBackup}), with plain
 * JDBC and no application started. The database is the one the server would open
 * ({@link DatabaseSettings}). H2 serves one process at a time, so while Priora runs the
 * backup is taken online by the server ({@code POST /api/v1/admin/backup}) and this
 * command says so. A restore goes into an empty data folder; {@code --force} replaces the
 * database of a stopped Priora, keeping the old file as
 * {@code priora.mv.db.before-restore}.
 */
final class BackupCommands {

	/** H2's "database may be already in use" (another process holds the file). */
	private static final int H2_IN_USE = 90020;

	/** H2's "database not found, either create it or …" (IFEXISTS). */
	private static final int H2_NOT_FOUND = 90146;

	private BackupCommands() {
	}

	static Map<String, Object> backup(List<String> args) {
		Arguments a = Arguments.parse(args, Set.of("--to", "--data-dir"), Set.of(), true);
		Path to = Path.of(a.required("--to"));
		DatabaseSettings db = h2(a);
		if (Files.isDirectory(to)) {
			throw CliProblem.invalid("--to", to + " is a folder; name the backup file, e.g. priora-backup.sql.gz");
		}
		try (Connection c = DriverManager.getConnection(db.url() + ";IFEXISTS=TRUE", db.user(), db.password())) {
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("backup", "done");
			result.putAll(DatabaseBackup.backup(c, to));
			return result;
		}
		catch (SQLException e) {
			throw refusal(e, db);
		}
		catch (IOException e) {
			throw CliProblem.invalid("--to", "cannot write " + to + ": " + e.getMessage());
		}
	}

	private static CliProblem refusal(SQLException e, DatabaseSettings db) {
		if (e.getErrorCode() == H2_IN_USE) {
			return CliProblem.invalid("spring.datasource.url",
					"the database " + db.safeUrl()
							+ " is open in a running Priora (H2 serves one process): back it up online with"
							+ " POST /api/v1/admin/backup (an administrator's token), or stop Priora first");
		}
		if (e.getErrorCode() == H2_NOT_FOUND) {
			return CliProblem.invalid("priora.data-dir", "there is no database at " + db.safeUrl()
					+ " (set PRIORA_DATA_DIR or --data-dir to the data folder)");
		}
		return CliProblem.failed("the database " + db.safeUrl() + " failed: " + e.getMessage(), e);
	}

	static Map<String, Object> restore(List<String> args) {
		Arguments a = Arguments.parse(args, Set.of("--from", "--data-dir"), Set.of("--force"), true);
		Path from = Path.of(a.required("--from"));
		checkBackupFile(from);
		DatabaseSettings db = h2(a);
		Path base = db.h2File();
		if (base == null) {
			throw CliProblem.invalid("spring.datasource.url",
					"restore needs an H2 file database (jdbc:h2:file:…), not " + db.safeUrl());
		}
		Path folder = base.getParent();
		Path file = base.resolveSibling(base.getFileName() + ".mv.db");
		Path aside = base.resolveSibling(base.getFileName() + ".mv.db.before-restore");
		boolean replacing = prepare(folder, file, aside, a.has("--force"));
		try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("restore", "done");
			result.put("from", from.toAbsolutePath().toString());
			result.put("into", folder.toString());
			result.putAll(DatabaseBackup.restore(c, from));
			if (replacing) {
				result.put("replaced", aside.toString());
			}
			return result;
		}
		catch (SQLException | RuntimeException e) {
			undo(file, aside, replacing);
			if (e instanceof SQLException sql) {
				throw CliProblem.invalid("--from", from + " could not be restored: "
						+ sql.getMessage().lines().findFirst().orElse("") + " (nothing was kept)");
			}
			throw (RuntimeException) e;
		}
	}

	private static DatabaseSettings h2(Arguments a) {
		DatabaseSettings db = DatabaseSettings.resolve(a.spring(), a.optional("--data-dir"));
		if (!DatabaseBackup.isH2(db.url())) {
			throw CliProblem.invalid("spring.datasource.url", "backup and restore are for the embedded H2 database;"
					+ " back up PostgreSQL with pg_dump and pg_restore (docs/OPERATIONS.md)");
		}
		return db;
	}

	private static void checkBackupFile(Path from) {
		try (InputStream in = Files.newInputStream(from)) {
			byte[] magic = in.readNBytes(2);
			if (magic.length < 2 || (magic[0] & 0xff) != 0x1f || (magic[1] & 0xff) != 0x8b) {
				throw CliProblem.invalid("--from", from + " is not a Priora backup (a gzip-compressed SQL script)");
			}
		}
		catch (IOException e) {
			throw CliProblem.invalid("--from", "cannot read " + from + ": " + e.getMessage());
		}
	}

	/**
	 * Checks the data folder: empty (or missing), or with {@code --force} a database no
	 * process has open, moved aside. Answers whether one was moved aside.
	 */
	private static boolean prepare(Path folder, Path file, Path aside, boolean force) {
		try {
			Files.createDirectories(folder);
			boolean empty;
			try (Stream<Path> entries = Files.list(folder)) {
				empty = entries.findAny().isEmpty();
			}
			if (!empty && !force) {
				throw CliProblem.invalid("--data-dir",
						folder + " is not empty: restore into an empty data folder,"
								+ " or add --force to replace its database (the old one is kept as "
								+ aside.getFileName() + ")");
			}
			if (!Files.exists(file)) {
				return false;
			}
			if (inUse(file)) {
				throw CliProblem.invalid("--data-dir", file + " is open in a running Priora: stop it first");
			}
			Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
			Files.deleteIfExists(file.resolveSibling(file.getFileName().toString().replace(".mv.db", ".trace.db")));
			return true;
		}
		catch (IOException e) {
			throw CliProblem.invalid("--data-dir", "cannot write to " + folder + ": " + e.getMessage());
		}
	}

	private static boolean inUse(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return true;
			}
			lock.release();
			return false;
		}
		catch (OverlappingFileLockException e) {
			return true;
		}
	}

	private static void undo(Path file, Path aside, boolean replacing) {
		try {
			Files.deleteIfExists(file);
			if (replacing) {
				Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException e) {
			throw CliProblem.failed("the restore failed and " + file + " could not be put back: " + e.getMessage(), e);
		}
	}

}
