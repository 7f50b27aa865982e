package dev.priora.backlog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Column conversions shared by the backlog's repositories. */
final class Rows {

	private Rows() {
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

	/** A points value without trailing zeros: 13.00 reads as 13, 0.50 as 0.5. */
	static java.math.BigDecimal points(ResultSet rs, String column) throws SQLException {
		java.math.BigDecimal v = rs.getBigDecimal(column);
		if (v == null) {
			return null;
		}
		v = v.stripTrailingZeros();
		return v.scale() < 0 ? v.setScale(0) : v;
	}

	static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}

}
