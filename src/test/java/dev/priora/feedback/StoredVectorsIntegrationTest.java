package dev.priora.feedback;

import static dev.priora.support.Eventually.eventually;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.priora.backlog.ProductService;
import dev.priora.feedback.engine.SimilarityIndex;
import dev.priora.support.ApiClient;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;

/**
 * The similarity index of a node is built from the stored sentence vectors of feedback
 * and items, and opened from its folder after a restart: no text is embedded for it
 * (counted by {@link SentenceEmbedder#embedded()}). A vector of another model is not used
 * and is computed again in the background.
 */
class StoredVectorsIntegrationTest extends IntegrationTestBase {

	@Autowired
	FeedbackTextRepository feedbackTexts;

	@Autowired
	ItemVectorRepository itemVectors;

	@Autowired
	ProductService products;

	@Autowired
	SentenceEmbedder embedder;

	@Autowired
	ItemEmbedding itemEmbedding;

	@Autowired
	BackgroundEmbedding feedbackEmbedding;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNewNodeBuildsTheIndexFromStoredVectorsAndARestartOpensItEmbeddingNothing() throws Exception {
		ApiClient api = api();
		TestProduct product = aProduct("STVX").named("Stored vectors").createdBy(api);
		aStory("Export the report to Excel").description("Finance wants the monthly report as a spreadsheet.")
			.in(product);
		aStory("Dark mode").description("A dark theme for the whole application.").in(product);
		long f1 = feedback(api, "STVX", "Spreadsheet export", "Can I get the monthly report as an Excel file?");
		feedback(api, "STVX", "Night theme", "The screen is too bright at night, please add a dark theme.");
		long productId = products.get("STVX").id().value();
		eventually().until(() -> storedItemVectors(productId) == 2);
		eventually().until(() -> !itemVectors.productsNeedingVectors().contains("STVX"));

		Path folder = Files.createTempDirectory("priora-node");
		long before = embedder.embedded();
		FeedbackIndex node = new FeedbackIndex(feedbackTexts, itemVectors, embedder, products, folder.toString());
		var query = new SimilarityIndex.Query("Spreadsheet export", "", feedbackTexts.vector(f1), 2,
				Set.of(FeedbackIndex.FEEDBACK + f1));
		// the first answer, while the node builds its index: the stored vectors alone
		List<SimilarityIndex.Match> first = node.similar("STVX", query);
		assertThat(first).hasSize(2);
		assertThat(first.get(0).id()).startsWith(FeedbackIndex.ITEM);
		assertThat(first.get(0).semantic()).isGreaterThan(0.4);
		SimilarityIndex index = node.upToDate("STVX");
		assertThat(index.size()).isEqualTo(4);
		assertThat(index.withoutVector()).isEmpty();
		List<SimilarityIndex.Match> built = node.similar("STVX", query);
		assertThat(built.get(0).id()).isEqualTo(first.get(0).id());
		assertThat(built.get(0).lexical()).isPositive();
		node.destroy();

		FeedbackIndex restarted = new FeedbackIndex(feedbackTexts, itemVectors, embedder, products, folder.toString());
		assertThat(restarted.upToDate("STVX").size()).isEqualTo(4);
		restarted.destroy();
		assertThat(embedder.embedded()).isEqualTo(before);
	}

	@Test
	void vectorsOfAnotherModelAreNotUsedAndAreComputedAgainInTheBackground() throws Exception {
		ApiClient api = api();
		TestProduct product = aProduct("STVM").named("Vector models").createdBy(api);
		aStory("Single sign-on").description("Sign in with the company's identity provider.").in(product);
		long f = feedback(api, "STVM", "SSO", "We need single sign-on with Okta.");
		long productId = products.get("STVM").id().value();
		eventually().until(() -> storedItemVectors(productId) == 1);
		long itemId = jdbc.sql("select item_id from item_vectors where product_id = ?")
			.param(productId)
			.query(Long.class)
			.single();
		jdbc.sql("update item_vectors set embedding_model = 'older-model' where item_id = ?").param(itemId).update();
		jdbc.sql("update feedback set embedding_model = 'older-model' where id = ?").param(f).update();

		assertThat(feedbackTexts.vector(f)).isNull();
		assertThat(itemVectors.find(itemId).orElseThrow().currentVector()).isNull();
		FeedbackIndex node = new FeedbackIndex(feedbackTexts, itemVectors, embedder, products,
				Files.createTempDirectory("priora-node").toString());
		assertThat(node.upToDate("STVM").withoutVector()).containsExactlyInAnyOrder(FeedbackIndex.FEEDBACK + f,
				FeedbackIndex.ITEM + itemId);
		assertThat(itemVectors.productsNeedingVectors()).contains("STVM");
		assertThat(feedbackTexts.productsWithStaleVectors()).contains("STVM");

		long before = embedder.embedded();
		itemEmbedding.executeOnce(itemEmbedding.instance("test/items", "STVM"), null);
		feedbackEmbedding.executeOnce(feedbackEmbedding.instance("test/feedback", ItemEmbedding.ALL_PRODUCTS), null);
		assertThat(embedder.embedded() - before).isGreaterThanOrEqualTo(2);
		assertThat(feedbackTexts.vector(f)).isNotNull();
		assertThat(itemVectors.find(itemId).orElseThrow().currentVector()).isNotNull();
		assertThat(node.upToDate("STVM").withoutVector()).isEmpty();
		node.destroy();
	}

	private long storedItemVectors(long productId) {
		return jdbc.sql("select count(*) from item_vectors where product_id = ? and embedding_model = ?")
			.params(productId, SentenceEmbedder.MODEL)
			.query(Long.class)
			.single();
	}

	private static long feedback(ApiClient api, String key, String title, String text) {
		return api
			.post("/api/v1/products/" + key + "/feedback",
					"{\"title\":" + ApiClient.json(title) + ",\"text\":" + ApiClient.json(text) + "}")
			.json()
			.get("id")
			.asLong();
	}

}
