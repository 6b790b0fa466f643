import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  envelopeTo: string[];
  raw: string;
  parsed: ParsedMail;
}

interface HeldMail {
  sessionId: string;
  mail: ReceivedMail;
  finish: (accept: boolean) => void;
}

/**
 * A real SMTP peer on 127.0.0.1 that keeps every message it accepts.
 *
 * `hold()` makes it stop answering the end of each message's data (the sender waits, mid-send),
 * `release()` answers them: a held message whose sender's connection closed meanwhile (the
 * sender died) is refused, as a mail server takes responsibility for a message only when it
 * confirms it to a sender that is still there.
 */
export async function startSmtpServer(port = 0) {
  const received: ReceivedMail[] = [];
  const waiters: Array<() => void> = [];
  const held: HeldMail[] = [];
  const closedSessions = new Set<string>();
  let holding = false;
  const wakeAll = () => {
    for (const wake of waiters.splice(0)) wake();
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    // No reverse DNS per connection (about 100 ms each here, with no DNS server).
    disableReverseLookup: true,
    onClose(session) {
      closedSessions.add(session.id);
      wakeAll();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const mail: ReceivedMail = {
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          raw,
          parsed: await simpleParser(raw),
        };
        const finish = (accept: boolean) => {
          if (!accept) {
            callback(new Error("sender went away before the message was confirmed"));
            return;
          }
          received.push(mail);
          wakeAll();
          callback();
        };
        if (holding) {
          held.push({ sessionId: session.id, mail, finish });
          wakeAll();
        } else {
          finish(true);
        }
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;

  /** Waits (in 100 ms steps, or when something arrives) until `done()` holds. */
  async function until(done: () => boolean, what: () => string, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what()}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    received,
    /** Waits until `count` messages (matching `filter`) have arrived. */
    async waitFor(
      count: number,
      filter: (m: ReceivedMail) => boolean = () => true,
      timeoutMs = 10_000,
    ) {
      await until(
        () => received.filter(filter).length >= count,
        () => `${count} mails; got ${received.filter(filter).length}`,
        timeoutMs,
      );
      return received.filter(filter);
    },
    /** From now on, keep senders waiting at the end of each message (see above). */
    hold() {
      holding = true;
    },
    /** The messages being held, once at least `count` are. */
    async waitForHeld(count: number, timeoutMs = 10_000) {
      await until(
        () => held.length >= count,
        () => `${count} held mails; got ${held.length}`,
        timeoutMs,
      );
      return held.map((h) => h.mail);
    },
    /** Waits until the connection that sent this held message has closed (its sender died). */
    async waitForSenderGone(mail: ReceivedMail, timeoutMs = 10_000) {
      const entry = held.find((h) => h.mail === mail);
      if (!entry) throw new Error("That message is not being held");
      await until(
        () => closedSessions.has(entry.sessionId),
        () => "the sender's connection to close",
        timeoutMs,
      );
    },
    /** Answers every held message (refusing those whose sender left) and stops holding. */
    release() {
      holding = false;
      for (const h of held.splice(0)) h.finish(!closedSessions.has(h.sessionId));
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TestSmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;
