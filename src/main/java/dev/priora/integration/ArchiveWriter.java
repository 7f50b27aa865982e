package dev.priora.integration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import dev.priora.accounts.ProductRole;
import dev.priora.feedback.CustomerService;

/**
 * Writes a checked export document as a new product, table by table in
 * {@link ArchiveTables#ALL} order: references become the new rows' ids (references to the
 * row's own table are set once the table is written), people become the users
 * {@link ArchivePeople} chose, the product columns name the new product. Role rows are
 * written only for people mapped to themselves, once per user; the importing user's is
 * owner. A row the database still refuses ends the import with 400 naming it.
 */
final class ArchiveWriter {

	private static final Logger LOG = LoggerFactory.getLogger(ArchiveWriter.class);

	private final ArchiveRepository repository;

	private final String key;

	private final Map<String, Map<String, ArchiveRepository.Column>> schema;

	private final ArchivePeople people;

	private final List<String> warnings;

	private final Map<String, Map<Integer, Long>> ids = new HashMap<>();

	private final Map<String, Long> customersByName = new HashMap<>();

	private long productId;

	ArchiveWriter(ArchiveRepository repository, String key, Map<String, Map<String, ArchiveRepository.Column>> schema,
			ArchivePeople people, List<String> warnings) {
		this.repository = repository;
		this.key = key;
		this.schema = schema;
		this.people = people;
		this.warnings = warnings;
	}

	void write(ArchiveCheck.Checked checked) {
		for (ArchiveTables.Table t : ArchiveTables.ALL) {
			Map<Integer, Long> own = new HashMap<>();
			ids.put(t.name(), own);
			List<Object[]> later = new ArrayList<>();
			Set<Long> roles = new HashSet<>();
			for (ArchiveCheck.Row row : checked.tables().get(t.name())) {
				Map<String, Object> values = values(t, row, later);
				if (t.name().equals("product_roles") && !role(row, values, roles)) {
					continue;
				}
				Long id = t.name().equals("customers") ? customer(t, row, values) : insert(t, row, values);
				if (t.id() != null) {
					own.put(row.ref(), id);
					productId = t.name().equals("products") ? id : productId;
				}
				later.forEach(l -> l[2] = l[2] == null ? id : l[2]);
			}
			for (Object[] l : later) {
				repository.set(t.name(), (String) l[0], own.get((Integer) l[1]), (Long) l[2]);
			}
		}
	}

	private Map<String, Object> values(ArchiveTables.Table t, ArchiveCheck.Row row, List<Object[]> later) {
		Map<String, Object> values = new LinkedHashMap<>();
		row.values().forEach((column, v) -> {
			if (v instanceof ArchiveCheck.Ref ref && ref.table().equals(t.name())) {
				values.put(column, null);
				later.add(new Object[] { column, ref.ref(), null });
			}
			else if (v instanceof ArchiveCheck.Ref ref) {
				values.put(column, ids.get(ref.table()).get(ref.ref()));
			}
			else if (v instanceof ArchiveCheck.Person p) {
				values.put(column, people.user(p));
			}
			else {
				values.put(column, v);
			}
		});
		if (t.name().equals("products")) {
			values.put("product_key", key);
		}
		else {
			Map<String, ArchiveRepository.Column> columns = schema.get(t.name());
			if (columns.containsKey("product_id")) {
				values.put("product_id", productId);
			}
			if (columns.containsKey("product_key")) {
				values.put("product_key", key);
			}
		}
		return values;
	}

	/**
	 * Whether the role row is written: only for people mapped to themselves, once per
	 * user; the importing user's role is always owner.
	 */
	private boolean role(ArchiveCheck.Row row, Map<String, Object> values, Set<Long> granted) {
		ArchiveCheck.Person person = (ArchiveCheck.Person) row.get("user_id");
		long user = people.user(person);
		if (!people.named(person) || !granted.add(user)) {
			if (people.named(person)) {
				warnings.add("product_roles row " + row.number() + " names a user who holds a role already;"
						+ " the first role was kept.");
			}
			return false;
		}
		if (user == people.importer()) {
			values.put("role", ProductRole.OWNER.name());
		}
		return true;
	}

	/**
	 * Customers' names are unique per product (by {@link CustomerService#nameKey}): a
	 * customer an older export holds twice becomes one row, and both references name it.
	 */
	private Long customer(ArchiveTables.Table t, ArchiveCheck.Row row, Map<String, Object> values) {
		String nameKey = CustomerService.nameKey(String.valueOf(values.get("name")));
		Long same = customersByName.get(nameKey);
		if (same != null) {
			return same;
		}
		values.put("name_key", nameKey);
		Long id = insert(t, row, values);
		customersByName.put(nameKey, id);
		return id;
	}

	private Long insert(ArchiveTables.Table t, ArchiveCheck.Row row, Map<String, Object> values) {
		try {
			return repository.insert(t.name(), values, t.id());
		}
		catch (DataAccessException e) {
			LOG.info("an archive row was refused by the database: {}", e.getMostSpecificCause().getMessage());
			throw ArchiveProblem.refused(List.of(new ArchiveProblem(t.name(), row.number(), null,
					"conflicts with another row or a rule of the database")));
		}
	}

}
