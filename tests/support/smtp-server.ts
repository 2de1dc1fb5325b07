// A real SMTP server on loopback (smtp-server) for the tests that send mail through the outbox,
// and the decoding of what it received.
import net from "node:net";
import { SMTPServer } from "smtp-server";

export type Received = { from: string; to: string[]; data: string };

/** Listens on `port` (0: any free one) and keeps every mail it is given. */
export function startSmtp(port = 0): Promise<{ server: SMTPServer; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  return new Promise((resolve) =>
    server.listen(port, "127.0.0.1", () =>
      resolve({ server, port: (server.server.address() as net.AddressInfo).port, received }),
    ),
  );
}

/** The text of a MIME mail: nodemailer encodes Chinese as quoted-printable or base64. */
export function decodeBody(raw: string): string {
  const gap = raw.search(/\r?\n\r?\n/);
  const body = gap < 0 ? "" : raw.slice(gap).replace(/^\r?\n\r?\n/, "");
  if (/Content-Transfer-Encoding: base64/i.test(raw))
    return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/Content-Transfer-Encoding: quoted-printable/i.test(raw)) {
    const bytes = body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}
