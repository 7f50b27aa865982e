package dev.priora.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The SMTP server of {@code scripts/bench-mail-drain.sh}: GreenMail on a loopback port,
 * accepting as fast as it can, that writes twice a second how many messages it received,
 * how many distinct Message-IDs they carry, how many arrived more than once, and the
 * milliseconds from the first to the latest arrival. Runs until killed.
 * <p>
 * Usage: {@code java -cp … dev.priora.bench.MailSink PORT STATUS_FILE}
 */
public final class MailSink {

	private MailSink() {
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		Path status = Path.of(args[1]);
		GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		long first = 0;
		long latest = 0;
		int seen = 0;
		while (true) {
			MimeMessage[] all = server.getReceivedMessages();
			long now = System.currentTimeMillis();
			if (all.length > seen) {
				first = seen == 0 ? now : first;
				latest = now;
				seen = all.length;
			}
			Map<String, Integer> ids = new HashMap<>();
			for (MimeMessage m : all) {
				ids.merge(id(m), 1, Integer::sum);
			}
			long doubled = ids.values().stream().filter(n -> n > 1).count();
			Path tmp = status.resolveSibling(status.getFileName() + ".tmp");
			Files.writeString(tmp, "received=" + all.length + " distinct=" + ids.size() + " doubled=" + doubled + " ms="
					+ (latest - first) + "\n");
			Files.move(tmp, status, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			Thread.sleep(500);
		}
	}

	private static String id(MimeMessage m) {
		try {
			return m.getMessageID();
		}
		catch (MessagingException e) {
			return "unreadable";
		}
	}

}
