package dev.priora.backlog;

import java.util.regex.Pattern;

/** Rules for product keys. */
public final class Products {

	private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9]{1,9}");

	private Products() {
	}

	/** A product key is 2 to 10 upper-case letters or digits, starting with a letter. */
	public static boolean isValidKey(String key) {
		return key != null && KEY.matcher(key).matches();
	}

}
