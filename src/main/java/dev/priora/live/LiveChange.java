package dev.priora.live;

import java.util.Map;
import java.util.Objects;

/**
 * A change to announce, before it has an id: the stream's event name, the product whose
 * readers receive it, the person (null: everyone who may read the product) and the
 * payload's fields. Two changes with the same {@link #merge key} in one transaction are
 * sent once.
 */
record LiveChange(String type, String productKey, Long userId, String itemKey, Map<String, Object> fields) {

	LiveChange {
		Objects.requireNonNull(type);
		fields = Map.copyOf(fields);
	}

	/** What makes two changes one: type, product, person and item. */
	String merge() {
		return type + "|" + productKey + "|" + userId + "|" + itemKey;
	}

}
