package dev.priora.integration;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Whether an IP address is globally reachable, by the IANA IPv4 and IPv6 Special-Purpose
 * Address Registries (RFC 6890 and its updates, as of 2025): the most specific block that
 * holds the address decides, by its "Globally Reachable" column; blocks marked N/A (6to4,
 * Teredo, the deprecated 6to4 relay anycast) count as not reachable. Beyond the
 * special-purpose registries, IPv4 multicast (224.0.0.0/4) is refused, and an IPv6
 * address must lie in 2000::/3, the only block the IPv6 address space registry gives to
 * global unicast (64:ff9b::/96 excepted). IPv4 embedded in IPv6 is judged by the IPv4
 * address: IPv4-mapped (::ffff:0:0/96) and NAT64 (64:ff9b::/96) reach it, so they are as
 * reachable as it is; IPv4-compatible (::/96), local NAT64 (64:ff9b:1::/48), 6to4
 * (2002::/16) and Teredo (2001::/32) are refused and the refusal names the embedded
 * address.
 */
final class SpecialAddresses {

	/** A registry entry: a prefix, its name, and whether it is globally reachable. */
	record Block(byte[] prefix, int length, String name, boolean global) {

		boolean contains(byte[] address) {
			if (address.length != prefix.length) {
				return false;
			}
			for (int bit = 0; bit < length; bit++) {
				int mask = 0x80 >>> (bit % 8);
				if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}
	}

	static final List<Block> IPV4 = List.of(block("0.0.0.0/8", "\"This network\"", false),
			block("0.0.0.0/32", "\"This host on this network\"", false), block("10.0.0.0/8", "Private-Use", false),
			block("100.64.0.0/10", "Shared Address Space", false), block("127.0.0.0/8", "Loopback", false),
			block("169.254.0.0/16", "Link Local", false), block("172.16.0.0/12", "Private-Use", false),
			block("192.0.0.0/24", "IETF Protocol Assignments", false),
			block("192.0.0.0/29", "IPv4 Service Continuity Prefix", false),
			block("192.0.0.8/32", "IPv4 dummy address", false),
			block("192.0.0.9/32", "Port Control Protocol Anycast", true),
			block("192.0.0.10/32", "Traversal Using Relays around NAT Anycast", true),
			block("192.0.0.170/32", "NAT64/DNS64 Discovery", false),
			block("192.0.0.171/32", "NAT64/DNS64 Discovery", false),
			block("192.0.2.0/24", "Documentation (TEST-NET-1)", false), block("192.31.196.0/24", "AS112-v4", true),
			block("192.52.193.0/24", "AMT", true), block("192.88.99.0/24", "Deprecated (6to4 Relay Anycast)", false),
			block("192.88.99.2/32", "6a44-relay anycast address", false), block("192.168.0.0/16", "Private-Use", false),
			block("192.175.48.0/24", "Direct Delegation AS112 Service", true),
			block("198.18.0.0/15", "Benchmarking", false),
			block("198.51.100.0/24", "Documentation (TEST-NET-2)", false),
			block("203.0.113.0/24", "Documentation (TEST-NET-3)", false), block("224.0.0.0/4", "Multicast", false),
			block("240.0.0.0/4", "Reserved", false), block("255.255.255.255/32", "Limited Broadcast", false));

	static final List<Block> IPV6 = List.of(block("::1/128", "Loopback Address", false),
			block("::/128", "Unspecified Address", false), block("::/96", "IPv4-compatible Address", false),
			block("::ffff:0:0/96", "IPv4-mapped Address", false), block("64:ff9b::/96", "IPv4-IPv6 Translat.", true),
			block("64:ff9b:1::/48", "IPv4-IPv6 Translat. (local use)", false),
			block("100::/64", "Discard-Only Address Block", false), block("100:0:0:1::/64", "Dummy IPv6 Prefix", false),
			block("2001::/23", "IETF Protocol Assignments", false), block("2001::/32", "TEREDO", false),
			block("2001:1::1/128", "Port Control Protocol Anycast", true),
			block("2001:1::2/128", "Traversal Using Relays around NAT Anycast", true),
			block("2001:1::3/128", "DNS-SD Service Registration Protocol Anycast", true),
			block("2001:2::/48", "Benchmarking", false), block("2001:3::/32", "AMT", true),
			block("2001:4:112::/48", "AS112-v6", true), block("2001:10::/28", "Deprecated (previously ORCHID)", false),
			block("2001:20::/28", "ORCHIDv2", true),
			block("2001:30::/28", "Drone Remote ID Protocol Entity Tags (DETs) Prefix", true),
			block("2001:db8::/32", "Documentation", false), block("2002::/16", "6to4", false),
			block("2620:4f:8000::/48", "Direct Delegation AS112 Service", true),
			block("3fff::/20", "Documentation", false), block("5f00::/16", "Segment Routing (SRv6) SIDs", false),
			block("fc00::/7", "Unique-Local", false), block("fe80::/10", "Link-Local Unicast", false),
			block("ff00::/8", "Multicast", false));

	private static final Block GLOBAL_UNICAST = block("2000::/3", "Global Unicast", true);

	private SpecialAddresses() {
	}

	/**
	 * Why the address is not globally reachable (e.g. "127.0.0.1 is Loopback"), or null
	 * when it is.
	 */
	static String refusal(InetAddress address) {
		byte[] a = address.getAddress();
		String text = address.getHostAddress();
		if (address instanceof Inet4Address) {
			Block b = mostSpecific(IPV4, a);
			return b == null || b.global() ? null : text + " is " + b.name();
		}
		if (!(address instanceof Inet6Address)) {
			return text + " is not an IP address";
		}
		Block b = mostSpecific(IPV6, a);
		if (b != null && (b.name().startsWith("IPv4-mapped") || b.global() && b.name().startsWith("IPv4-IPv6"))) {
			String inner = refusal(ipv4(a, 12));
			return inner == null ? null : text + " embeds " + inner;
		}
		String embedded = embedded(b, a);
		if (b != null) {
			return b.global() ? null : text + " is " + b.name() + embedded;
		}
		return GLOBAL_UNICAST.contains(a) ? null : text + " is outside global unicast (2000::/3)";
	}

	private static String embedded(Block b, byte[] a) {
		if (b == null) {
			return "";
		}
		InetAddress inner = switch (b.name()) {
			case "IPv4-compatible Address" -> ipv4(a, 12);
			case "6to4" -> ipv4(a, 2);
			case "TEREDO" -> ipv4(a, 4);
			default -> null;
		};
		return inner == null ? "" : " (embedding " + inner.getHostAddress() + ")";
	}

	private static Block mostSpecific(List<Block> blocks, byte[] address) {
		Block best = null;
		for (Block b : blocks) {
			if (b.contains(address) && (best == null || b.length() > best.length())) {
				best = b;
			}
		}
		return best;
	}

	private static InetAddress ipv4(byte[] a, int from) {
		try {
			return InetAddress.getByAddress(Arrays.copyOfRange(a, from, from + 4));
		}
		catch (UnknownHostException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Block block(String cidr, String name, boolean global) {
		int slash = cidr.indexOf('/');
		try {
			byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
			if (cidr.contains(":") && prefix.length == 4) {
				byte[] v6 = new byte[16];
				v6[10] = (byte) 0xff;
				v6[11] = (byte) 0xff;
				System.arraycopy(prefix, 0, v6, 12, 4);
				prefix = v6;
			}
			return new Block(prefix, Integer.parseInt(cidr.substring(slash + 1)), name, global);
		}
		catch (UnknownHostException e) {
			throw new IllegalArgumentException(cidr, e);
		}
	}

}
