package dev.priora.accounts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The single sign-on tables: providers added by the admin, the policy row, group roles.
 */
@Repository
class SsoRepository {

	/** A stored provider with its sealed client secret. */
	record StoredProvider(SsoProviderView view, String sealedSecret) {
	}

	private static final String PROVIDER_COLUMNS = "id, registration_id, name, issuer_uri, client_id, client_secret, version";

	private final JdbcClient jdbc;

	SsoRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<StoredProvider> providers() {
		return jdbc.sql("select " + PROVIDER_COLUMNS + " from sso_providers order by lower(name), id")
			.query((rs,
					n) -> new StoredProvider(new SsoProviderView(rs.getLong(1), rs.getString(2), rs.getString(3),
							rs.getString(4), rs.getString(5), false, rs.getLong(7)), rs.getString(6)))
			.list();
	}

	Optional<StoredProvider> provider(long id) {
		return providers().stream().filter(p -> p.view().id() == id).findFirst();
	}

	long insertProvider(String name, String issuer, String clientId, String sealedSecret, Instant now) {
		String temporary = "new-" + Secrets.random().substring(0, 20);
		jdbc.sql("""
				insert into sso_providers (registration_id, name, issuer_uri, client_id, client_secret, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(temporary, name, issuer, clientId, sealedSecret, now.atOffset(ZoneOffset.UTC))
			.update();
		long id = jdbc.sql("select id from sso_providers where registration_id = ?")
			.param(temporary)
			.query(Long.class)
			.single();
		jdbc.sql("update sso_providers set registration_id = ? where id = ?").params("p" + id, id).update();
		return id;
	}

	/** Updates a provider at the expected version; false when it changed meanwhile. */
	boolean updateProvider(long id, long version, String name, String issuer, String clientId, String sealedSecret) {
		return jdbc.sql("""
				update sso_providers set name = ?, issuer_uri = ?, client_id = ?,
				client_secret = coalesce(?, client_secret), version = version + 1 where id = ? and version = ?""")
			.params(name, issuer, clientId, sealedSecret, id, version)
			.update() == 1;
	}

	boolean deleteProvider(long id) {
		return jdbc.sql("delete from sso_providers where id = ?").param(id).update() == 1;
	}

	SsoPolicy policy() {
		return jdbc.sql("""
				select allow_sign_up, allowed_domains, groups_claim, password_sign_in, break_glass_email, version
				from sso_settings where id = 1""")
			.query((rs, n) -> new SsoPolicy(rs.getBoolean(1), domains(rs.getString(2)), rs.getString(3),
					rs.getBoolean(4), rs.getString(5), false, rs.getLong(6)))
			.single();
	}

	boolean updatePolicy(SsoPolicy p) {
		return jdbc.sql("""
				update sso_settings set allow_sign_up = ?, allowed_domains = ?, groups_claim = ?,
				password_sign_in = ?, break_glass_email = ?, version = version + 1 where id = 1 and version = ?""")
			.params(p.allowSignUp(), String.join(" ", p.allowedDomains()), p.groupsClaim(), p.passwordSignIn(),
					p.breakGlassEmail(), p.version())
			.update() == 1;
	}

	List<SsoGroupRole> groupRoles() {
		return jdbc
			.sql("select id, group_name, product_key, role from sso_group_roles order by group_name, product_key")
			.query((rs, n) -> new SsoGroupRole(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getString(4) == null ? null : ProductRole.valueOf(rs.getString(4))))
			.list();
	}

	boolean productExists(String productKey) {
		return jdbc.sql("select count(*) from products where product_key = ?")
			.param(productKey)
			.query(Long.class)
			.single() > 0;
	}

	void insertGroupRole(String group, String productKey, ProductRole role, Instant now) {
		jdbc.sql("insert into sso_group_roles (group_name, product_key, role, created_at) values (?, ?, ?, ?)")
			.params(group, productKey, role == null ? null : role.name(), now.atOffset(ZoneOffset.UTC))
			.update();
	}

	boolean deleteGroupRole(long id) {
		return jdbc.sql("delete from sso_group_roles where id = ?").param(id).update() == 1;
	}

	void setAdmin(UserId user, boolean admin) {
		jdbc.sql("update users set is_admin = ? where id = ?").params(admin, user.value()).update();
	}

	private static List<String> domains(String stored) {
		return stored == null || stored.isBlank() ? List.of() : Arrays.asList(stored.strip().split("\\s+"));
	}

}
