package dev.priora.support;

/** A product: key, name and vision. See {@link Fixtures#aProduct(String)}. */
public final class ProductBuilder extends RequestBuilder<ProductBuilder> {

	private final String key;

	ProductBuilder(String key) {
		this.key = key;
		with("key", key);
		with("name", key);
	}

	public ProductBuilder named(String name) {
		return with("name", name);
	}

	public ProductBuilder vision(String vision) {
		return with("vision", vision);
	}

	/** Creates the product as the caller of {@code api}, who becomes its owner. */
	public TestProduct createdBy(ApiClient api) {
		create(api, "/api/v1/products");
		return new TestProduct(api, this.key);
	}

}
