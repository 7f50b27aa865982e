package dev.priora.integration.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.priora.support.Fixtures.aProduct;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.LoadState;

import dev.priora.integration.engine.Exports;
import dev.priora.support.BrowserTestBase;

/**
 * Importing a Jira export in the browser: dry run, import with progress, then the items
 * and their comments.
 */
class ImportBrowserTest extends BrowserTestBase {

	@Test
	void anotherToolsFileOnTheProductImportSaysWhereItGoesAndKeepsTheKey() {
		signIn();
		page.navigate("/products");
		page.locator("#product-import input[type=file]")
			.setInputFiles(new FilePayload("jira-issues.json", "application/json",
					"{\"issues\": [{\"key\": \"PAY-1\"}]}".getBytes(StandardCharsets.UTF_8)));
		page.locator("#product-import input[name=key]").fill("JIRAX");
		page.locator("#product-import button[type=submit]").click();
		page.waitForURL("**/products");
		assertThat(page.locator("#product-import-error"))
			.containsText("Nothing was imported: the export file is not a Priora product export");
		assertThat(page.locator("#product-import-error")).containsText("through a product's Import page");
		assertThat(page.locator("#product-import-error")).not().containsText("file:");
		assertThat(page.locator("#product-import input[name=key]")).hasValue("JIRAX");
		screenshot("product-import-refused");
	}

	@Test
	void dryRunsThenImportsAJiraExportAndShowsItsComments() {
		aProduct("IMB").named("Import browser").createdBy(api());
		signIn();
		page.navigate("/p/IMB/import");
		page.locator("#import-source").selectOption("jira");
		page.locator("#import-file")
			.setInputFiles(new FilePayload("jira.csv", "text/csv", Exports.JIRA_CSV.getBytes(StandardCharsets.UTF_8)));
		page.locator("#dry-run").click();
		assertThat(page.locator("#report-summary")).containsText("Would create 5 items from 7 rows");
		assertThat(page.locator("#report-skipped")).containsText("row 8: SHP-2 appears again");
		assertThat(page.locator("#report-warnings")).containsText("4 points rounded to 5");
		assertThat(page.locator("#report-unmapped")).containsText("1 column not imported");
		assertThat(page.locator("#report-counts")).containsText("Story: ");
		assertThat(page.locator("#report-counts")).not().containsText("STORY");

		page.locator("#start-import").click();
		assertThat(page.locator("#job-state")).containsText("Done: 5 items created",
				new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
		page.locator("#see-backlog").click();
		assertThat(page.locator("main")).containsText("Pay by card");

		page.navigate("/p/IMB/items/IMB-2");
		page.waitForLoadState(LoadState.LOAD);
		assertThat(page.locator("#comments")).containsText("Ann Lee");
		assertThat(page.locator("#comments")).containsText("from jira");
		page.locator("#add-comment textarea[name=body]").fill("Ship it **Friday**");
		page.locator("#add-comment button").click();
		assertThat(page.locator("#comments .comment strong",
				new com.microsoft.playwright.Page.LocatorOptions().setHasText("Friday")))
			.hasCount(1);
	}

}
