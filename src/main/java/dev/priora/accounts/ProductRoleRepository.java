package dev.priora.accounts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who holds which role in which product ({@code product_roles}). */
@Repository
class ProductRoleRepository {

	private final JdbcClient jdbc;

	ProductRoleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The user's role in the product, by name; empty without one. */
	Optional<String> role(String productKey, long userId) {
		return jdbc.sql("select role from product_roles where product_key = ? and user_id = ?")
			.params(productKey, userId)
			.query(String.class)
			.optional();
	}

	List<String> productKeys(long userId) {
		return jdbc.sql("select product_key from product_roles where user_id = ?")
			.param(userId)
			.query(String.class)
			.list();
	}

	List<MemberView> members(String productKey) {
		return jdbc.sql("""
				select u.id, u.email, u.display_name, r.role, u.active from product_roles r
				join users u on u.id = r.user_id where r.product_key = ? order by r.role, lower(u.display_name)""")
			.param(productKey)
			.query((rs, n) -> new MemberView(new UserId(rs.getLong(1)), rs.getString(2), rs.getString(3),
					ProductRole.valueOf(rs.getString(4)), rs.getBoolean(5)))
			.list();
	}

	void insert(String productKey, long userId, ProductRole role, Instant at, long grantedBy) {
		jdbc.sql(
				"""
						insert into product_roles (product_key, user_id, role, granted_at, granted_by) values (?, ?, ?, ?, ?)""")
			.params(productKey, userId, role.name(), at.atOffset(ZoneOffset.UTC), grantedBy)
			.update();
	}

	void delete(String productKey, long userId) {
		jdbc.sql("delete from product_roles where product_key = ? and user_id = ?").params(productKey, userId).update();
	}

	long owners(String productKey) {
		return jdbc.sql("select count(*) from product_roles where product_key = ? and role = 'OWNER'")
			.param(productKey)
			.query(Long.class)
			.single();
	}

}
