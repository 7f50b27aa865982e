package dev.priora.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A request body taken as a file ({@code @RequestBody Upload file}): spooled to a
 * temporary file as it streams in, so memory stays flat however large it is, and deleted
 * when the request ends; what an import stores as its job's input. The route's body limit
 * (the web module's {@code BodyLimitFilter}) stopped it at its limit while it was read.
 */
@io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")
public final class Upload {

	private final Path file;

	Upload(Path file) {
		this.file = file;
	}

	/** Size in bytes. */
	public long size() {
		try {
			return Files.size(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The content, streamed from the temporary file. */
	public InputStream open() {
		try {
			return Files.newInputStream(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The content, read whole (bounded by the route's limit). */
	public byte[] bytes() {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void delete() {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			// a temporary file; the operating system cleans its folder
		}
	}

}
