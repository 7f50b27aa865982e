package dev.priora.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a refused form post sent, brought back to its page (flash attribute
 * {@value #ATTRIBUTE}) so the form shows again with what was typed. Secrets (passwords,
 * codes, client secrets) are never kept. A page reads it per form:
 * {@code th:value="${refused?.to('/account/tokens')?.get('name')}"}.
 *
 * @param action the path the form was posted to, as its {@code action} attribute reads
 * @param values each field's values, in the order sent
 */
public record RefusedForm(String action, Map<String, List<String>> values) implements java.io.Serializable {

	/** The model attribute a refused form's values arrive in. */
	public static final String ATTRIBUTE = "refused";

	/** Parts of a field's name that mark a value never to be written back. */
	private static final Set<String> SECRETS = Set.of("password", "secret", "code", "csrf", "otp");

	/**
	 * Fields whose names hold such a part but whose values are choices, not secrets (the
	 * single sign-on policy's "password sign-in on or off"), lower case.
	 */
	private static final Set<String> CHOICES = Set.of("passwordsignin");

	/** The longest value kept; longer ones are cut, as no form field takes more. */
	private static final int LONGEST = 20_000;

	public RefusedForm {
		values = Map.copyOf(values);
	}

	static RefusedForm of(HttpServletRequest request) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, sent) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (CHOICES.contains(lower) || SECRETS.stream().noneMatch(lower::contains)) {
				values.put(name,
						java.util.Arrays.stream(sent)
							.map(v -> v.length() > LONGEST ? v.substring(0, LONGEST) : v)
							.toList());
			}
		});
		return new RefusedForm(request.getRequestURI(), values);
	}

	/**
	 * This, when the refused form was posted to a path ending with {@code path} (a
	 * product's pages differ only by the key before it); else null.
	 */
	public RefusedForm to(String path) {
		return action.endsWith(path) ? this : null;
	}

	/** The first value sent for the field, or null when none was sent. */
	public String get(String name) {
		List<String> sent = values.get(name);
		return sent == null || sent.isEmpty() ? null : sent.get(0);
	}

	/** Whether the field was sent with this value (a chosen option, a ticked box). */
	public boolean chose(String name, Object value) {
		return values.getOrDefault(name, List.of()).contains(String.valueOf(value));
	}

}
