package dev.priora.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Portal settings ({@code portal_settings}, one row per product once an owner saved them;
 * lists kept one entry per line) and the logo's bytes.
 */
@Repository
class PortalSettingsRepository {

	private static final String COLUMNS = "product_key, enabled, title, intro, colour, private_portal, allowed_domains,"
			+ " allowed_emails, categories, hold_new_ideas, hold_new_comments, status_names, logo_type, version";

	private final JdbcClient jdbc;

	PortalSettingsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<PortalSettings> find(String productKey) {
		return jdbc.sql("select " + COLUMNS + " from portal_settings where product_key = ?")
			.param(productKey)
			.query(PortalSettingsRepository::settings)
			.optional();
	}

	/** Locks the product's row, creating it first when there is none. */
	PortalSettings lock(String productKey, Instant now) {
		jdbc.sql("""
				insert into portal_settings (product_key, updated_at)
				select ?, ? where not exists (select 1 from portal_settings where product_key = ?)""")
			.params(productKey, now.atOffset(ZoneOffset.UTC), productKey)
			.update();
		return jdbc.sql("select " + COLUMNS + " from portal_settings where product_key = ? for update")
			.param(productKey)
			.query(PortalSettingsRepository::settings)
			.single();
	}

	void update(String productKey, PortalSettingsDraft d, Instant now) {
		jdbc.sql("""
				update portal_settings set enabled = ?, title = ?, intro = ?, colour = ?, private_portal = ?,
				allowed_domains = ?, allowed_emails = ?, categories = ?, hold_new_ideas = ?, hold_new_comments = ?,
				status_names = ?, updated_at = ?,
				version = version + 1 where product_key = ?""")
			.params(d.enabled(), d.title(), d.intro(), d.colour(), d.privatePortal(), lines(d.allowedDomains()),
					lines(d.allowedEmails()), lines(d.categories()), d.holdNewIdeas(), d.holdNewComments(),
					StatusNames.stored(d.statusNames()), now.atOffset(ZoneOffset.UTC), productKey)
			.update();
	}

	void logo(String productKey, PortalLogo logo, Instant now) {
		jdbc.sql("""
				update portal_settings set logo = ?, logo_type = ?, updated_at = ?, version = version + 1
				where product_key = ?""")
			.params(logo.bytes(), logo.mediaType(), now.atOffset(ZoneOffset.UTC), productKey)
			.update();
	}

	void removeLogo(String productKey, Instant now) {
		jdbc.sql("""
				update portal_settings set logo = null, logo_type = null, updated_at = ?, version = version + 1
				where product_key = ?""").params(now.atOffset(ZoneOffset.UTC), productKey).update();
	}

	Optional<PortalLogo> logo(String productKey) {
		return jdbc.sql("select logo, logo_type from portal_settings where product_key = ? and logo is not null")
			.param(productKey)
			.query((rs, n) -> new PortalLogo(rs.getBytes(1), rs.getString(2)))
			.optional();
	}

	private static String lines(List<String> values) {
		return String.join("\n", values);
	}

	private static List<String> list(String value) {
		return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split("\n"));
	}

	private static PortalSettings settings(ResultSet rs, int n) throws SQLException {
		return new PortalSettings(rs.getString("product_key"), rs.getBoolean("enabled"), rs.getString("title"),
				rs.getString("intro"), rs.getString("colour"), rs.getBoolean("private_portal"),
				list(rs.getString("allowed_domains")), list(rs.getString("allowed_emails")),
				list(rs.getString("categories")), rs.getBoolean("hold_new_ideas"), rs.getBoolean("hold_new_comments"),
				StatusNames.parsed(rs.getString("status_names")), rs.getString("logo_type") != null,
				rs.getLong("version"));
	}

}
