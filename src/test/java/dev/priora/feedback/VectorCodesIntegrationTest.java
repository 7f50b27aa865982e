package dev.priora.feedback;

import static dev.priora.support.Eventually.eventually;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Connection;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.priora.backlog.ProductService;
import dev.priora.feedback.engine.SimilarityIndex;
import dev.priora.feedback.engine.VectorScan;
import dev.priora.support.ApiClient;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;

/**
 * Every stored sentence vector has its codes ({@code feedback_vector_codes},
 * {@code item_vector_codes}: what a node without an index scans), written with the vector
 * and kept merged or not with the feedback; the first answer of such a node is exactly
 * the scan of the stored floats; migration 70 fills the codes of vectors stored before.
 */
class VectorCodesIntegrationTest extends IntegrationTestBase {

	@Autowired
	FeedbackTextRepository feedbackTexts;

	@Autowired
	ItemVectorRepository itemVectors;

	@Autowired
	ProductService products;

	@Autowired
	SentenceEmbedder embedder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void theFirstAnswerOfANodeWithoutIndexIsTheScanOfTheStoredFloatsLeavingOutMergedAndRejected() throws Exception {
		ApiClient api = api();
		TestProduct product = aProduct("VCOD").named("Vector codes").createdBy(api);
		aStory("Export the report to Excel").description("Finance wants the monthly report as a spreadsheet.")
			.in(product);
		aStory("Dark mode").description("A dark theme for the whole application.").in(product);
		aStory("Faster search").description("Search results take seconds to appear.").in(product);
		long f1 = feedback(api, "VCOD", "Spreadsheet export", "Can I get the monthly report as an Excel file?");
		long f2 = feedback(api, "VCOD", "Night theme", "The screen is too bright at night, please add a dark theme.");
		long f3 = feedback(api, "VCOD", "Slow search", "Searching takes forever.");
		long f4 = feedback(api, "VCOD", "Search is slow", "Finding anything takes ages.");
		long productId = products.get("VCOD").id().value();
		eventually().until(() -> itemIds(productId).size() == 3);
		List<Long> items = itemIds(productId);
		for (long f : List.of(f1, f2, f3, f4)) {
			assertThat(codes("feedback_vector_codes", "feedback_id", f))
				.isEqualTo(VectorScan.codes(feedbackTexts.vector(f)));
		}
		for (long i : items) {
			assertThat(codes("item_vector_codes", "item_id", i))
				.isEqualTo(VectorScan.codes(itemVectors.find(i).orElseThrow().currentVector()));
		}

		assertThat(api.post("/api/v1/products/VCOD/feedback/" + f4 + "/merge", "{\"into\":" + f3 + "}").status())
			.isEqualTo(200);
		assertThat(merged(f4)).isTrue();
		assertThat(merged(f3)).isFalse();
		long rejected = items.get(2);
		jdbc.sql("update items set status = 'REJECTED' where id = ?").param(rejected).update();

		VectorScan.Builder floats = VectorScan.builder();
		for (long f : List.of(f1, f2, f3)) {
			floats.add(FeedbackIndex.FEEDBACK + f, feedbackTexts.vector(f));
		}
		for (long i : items.subList(0, 2)) {
			floats.add(FeedbackIndex.ITEM + i, itemVectors.find(i).orElseThrow().currentVector());
		}
		var query = new SimilarityIndex.Query("Spreadsheet export", "", feedbackTexts.vector(f1), 10,
				Set.of(FeedbackIndex.FEEDBACK + f1));
		FeedbackIndex node = new FeedbackIndex(feedbackTexts, itemVectors, embedder, products,
				Files.createTempDirectory("priora-node").toString());
		List<SimilarityIndex.Match> first = node.similar("VCOD", query);
		node.destroy();
		assertThat(first).isEqualTo(floats.build().similar(query));
		assertThat(first).extracting(SimilarityIndex.Match::id)
			.containsExactlyInAnyOrder(FeedbackIndex.FEEDBACK + f2, FeedbackIndex.FEEDBACK + f3,
					FeedbackIndex.ITEM + items.get(0), FeedbackIndex.ITEM + items.get(1));
		assertThat(first.get(0).id()).isEqualTo(FeedbackIndex.ITEM + items.get(0));
	}

	@Test
	void migrationSeventyFillsTheCodesOfVectorsStoredWithoutThem() throws Exception {
		ApiClient api = api();
		TestProduct product = aProduct("VCOM").named("Vector codes migration").createdBy(api);
		aStory("Single sign-on").description("Sign in with the company's identity provider.").in(product);
		long f1 = feedback(api, "VCOM", "SSO", "We need single sign-on with Okta.");
		long f2 = feedback(api, "VCOM", "", "Please let us sign in with Azure AD.");
		long productId = products.get("VCOM").id().value();
		eventually().until(() -> itemIds(productId).size() == 1);
		long item = itemIds(productId).get(0);
		jdbc.sql("delete from feedback_vector_codes where feedback_id in (?, ?)").params(f1, f2).update();
		jdbc.sql("delete from item_vector_codes where item_id = ?").param(item).update();
		assertThat(itemIds(productId)).isEmpty();

		migrate();
		migrate();
		for (long f : List.of(f1, f2)) {
			assertThat(codes("feedback_vector_codes", "feedback_id", f))
				.isEqualTo(VectorScan.codes(feedbackTexts.vector(f)));
		}
		assertThat(codes("item_vector_codes", "item_id", item))
			.isEqualTo(VectorScan.codes(itemVectors.find(item).orElseThrow().currentVector()));
		assertThat(jdbc.sql("select count(*) from feedback_vector_codes where product_key = 'VCOM'")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	private void migrate() throws Exception {
		try (Connection c = dataSource.getConnection()) {
			new VectorCodesMigration().migrate(new Context() {
				@Override
				public Configuration getConfiguration() {
					return null;
				}

				@Override
				public Connection getConnection() {
					return c;
				}
			});
		}
	}

	/** The product's items that have codes, by id. */
	private List<Long> itemIds(long productId) {
		return jdbc.sql("select item_id from item_vector_codes where product_id = ? order by item_id")
			.param(productId)
			.query(Long.class)
			.list();
	}

	private byte[] codes(String table, String idColumn, long id) {
		return jdbc.sql("select codes from " + table + " where " + idColumn + " = ?")
			.param(id)
			.query((rs, n) -> rs.getBytes(1))
			.single();
	}

	private boolean merged(long feedbackId) {
		return jdbc.sql("select merged from feedback_vector_codes where feedback_id = ?")
			.param(feedbackId)
			.query(Boolean.class)
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
