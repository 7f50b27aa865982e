package dev.priora.bench;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

import org.springframework.context.ConfigurableApplicationContext;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.UserId;
import dev.priora.backlog.ProductService;
import dev.priora.feedback.FeedbackImporter;
import dev.priora.feedback.ImportMapping;

/**
 * Time to import an n-row feedback CSV (default 100,000) through
 * {@link FeedbackImporter}, on H2 (file) or PostgreSQL: id, title, text, customer (500
 * distinct), date and tags columns. Arguments: {@code h2|postgres [n]}.
 */
public final class FeedbackImportBenchmark {

	private FeedbackImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String db = args.length > 0 ? args[0] : "h2";
		int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
		ConfigurableApplicationContext app = BenchServer.start(db);
		UserId admin = app.getBean(AccountService.class).findByEmail("admin@localhost").orElseThrow().id();
		app.getBean(ProductService.class).create("IMP", "Import benchmark", "", admin);
		Random random = new Random(5);
		StringBuilder csv = new StringBuilder("id,subject,body,account,when,labels\n");
		for (int i = 0; i < n; i++) {
			csv.append(i)
				.append(",Request ")
				.append(i)
				.append(",\"Please add feature ")
				.append(random.nextInt(5000))
				.append(" so that our team works faster, it matters a lot\",Customer ")
				.append(random.nextInt(500))
				.append(",2024-0")
				.append(1 + random.nextInt(9))
				.append("-1")
				.append(random.nextInt(10))
				.append(",tag")
				.append(random.nextInt(20))
				.append('\n');
		}
		byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
		long start = System.nanoTime();
		var result = app.getBean(FeedbackImporter.class)
			.importCsv("IMP", file, new ImportMapping("body", "subject", "account", "when", "id", "labels", false),
					false, admin);
		System.out.printf(Locale.ROOT, "database=%s imported %d of %d rows (%d customers created, %.1f MB) in %.1f s%n",
				db, result.imported(), result.rows(), result.customersCreated(), file.length / 1e6,
				(System.nanoTime() - start) / 1e9);
		app.close();
		System.exit(0);
	}

}
