package dev.priora.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.priora.support.ApiClient.Response;

/**
 * The JSON body of one create request, field by field, and its posting. Fields are
 * written in the order they are set; values go through Jackson, so no test escapes quotes
 * by hand.
 */
abstract class RequestBuilder<B extends RequestBuilder<B>> {

	private final Map<String, Object> body = new LinkedHashMap<>();

	@SuppressWarnings("unchecked")
	B with(String field, Object value) {
		this.body.put(field, value);
		return (B) this;
	}

	boolean has(String field) {
		return this.body.containsKey(field);
	}

	/** The body as the API receives it, for a test that sends it itself. */
	public String json() {
		return ApiClient.json(this.body);
	}

	Response create(ApiClient api, String path) {
		Response r = api.post(path, json());
		assertThat(r.status()).as("POST %s %s: %s", path, json(), r.text()).isEqualTo(201);
		return r;
	}

	long createForId(TestProduct product, String path) {
		return create(product.api(), product.path(path)).json().get("id").asLong();
	}

}
