package dev.priora.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.stereotype.Component;

/**
 * This node's name in the scheduler: {@code priora.jobs.node-name}, or the host name and
 * the port it serves on. It is unique among running nodes (two servers cannot serve one
 * port of one host) and the same after a restart.
 */
@Component
class NodeName {

	private volatile String name = "starting";

	private final JobSettings settings;

	NodeName(JobSettings settings) {
		this.settings = settings;
	}

	String get() {
		return name;
	}

	void resolve(int port) {
		if (settings.nodeName() != null && !settings.nodeName().isBlank()) {
			name = settings.nodeName().strip();
			return;
		}
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			host = "localhost";
		}
		name = host + ":" + port;
	}

}
