package dev.priora.operations.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.operations.OnlineBackup;

import io.swagger.v3.oas.annotations.Operation;

/**
 * The online backup of the embedded database (administrators: {@code /api/v1/admin/**}).
 */
@RestController
class BackupApiController {

	private final OnlineBackup backups;

	BackupApiController(OnlineBackup backups) {
		this.backups = backups;
	}

	@PostMapping("/api/v1/admin/backup")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Back up the embedded H2 database now, online, into the data folder's backups/"
			+ " (administrators); 409 on PostgreSQL, which pg_dump backs up")
	OnlineBackup.Written backup() {
		return backups.backup();
	}

}
