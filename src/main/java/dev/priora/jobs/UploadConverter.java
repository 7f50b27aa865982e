package dev.priora.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Reads any request body into an {@link Upload}: copied to a temporary file in 64 KiB
 * steps, deleted when the request ends.
 */
@Component
class UploadConverter implements HttpMessageConverter<Upload> {

	@Override
	public boolean canRead(Class<?> clazz, MediaType mediaType) {
		return Upload.class == clazz;
	}

	@Override
	public boolean canWrite(Class<?> clazz, MediaType mediaType) {
		return false;
	}

	@Override
	public List<MediaType> getSupportedMediaTypes() {
		return List.of(MediaType.ALL);
	}

	@Override
	public Upload read(Class<? extends Upload> clazz, HttpInputMessage input) throws IOException {
		Path file = Files.createTempFile("priora-upload-", ".tmp");
		Upload upload = new Upload(file);
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.registerDestructionCallback("priora.upload." + file.getFileName(), upload::delete,
					RequestAttributes.SCOPE_REQUEST);
		}
		try (InputStream in = input.getBody(); OutputStream out = Files.newOutputStream(file)) {
			in.transferTo(out);
		}
		catch (IOException | RuntimeException e) {
			upload.delete();
			throw e;
		}
		return upload;
	}

	@Override
	public void write(Upload upload, MediaType contentType, HttpOutputMessage output) {
		throw new UnsupportedOperationException("uploads are only read");
	}

}
