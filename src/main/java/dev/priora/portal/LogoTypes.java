package dev.priora.portal;

import java.util.Optional;

/**
 * An image's media type told by its first bytes (never by the file name or the type the
 * browser claims): PNG, JPEG, GIF and WebP only; SVG is refused, as it can carry script.
 */
final class LogoTypes {

	private LogoTypes() {
	}

	static Optional<String> of(byte[] b) {
		if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of("image/png");
		}
		if (starts(b, 0xFF, 0xD8, 0xFF)) {
			return Optional.of("image/jpeg");
		}
		if (starts(b, 'G', 'I', 'F', '8')) {
			return Optional.of("image/gif");
		}
		if (starts(b, 'R', 'I', 'F', 'F') && b.length >= 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
				&& b[11] == 'P') {
			return Optional.of("image/webp");
		}
		return Optional.empty();
	}

	private static boolean starts(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
