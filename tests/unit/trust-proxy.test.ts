import express from "express";
import { describe, expect, it } from "vitest";
import { trustProxy } from "~/lib/trust-proxy.server";

describe("trustProxy", () => {
  it("trusts what Express's own setting trusts", () => {
    const app = express();
    for (const list of ["loopback", "loopback, 10.0.0.0/8", "192.0.2.1,198.51.100.0/24"]) {
      app.set("trust proxy", list);
      const expressTrusts = app.get("trust proxy fn") as (address: string, hop: number) => boolean;
      const trusts = trustProxy(list);
      for (const address of [
        "127.0.0.1",
        "::1",
        "::ffff:127.0.0.1",
        "10.1.2.3",
        "::ffff:10.1.2.3",
        "192.0.2.1",
        "198.51.100.77",
        "203.0.113.5",
        "2001:db8::1",
        "not an address",
      ]) {
        // Twice: the second answer may come from what the first remembered.
        for (const hop of [0, 1]) {
          expect(trusts(address, hop), `${list}: ${address}`).toBe(expressTrusts(address, hop));
        }
      }
    }
  });

  it("refuses a list Express would refuse", () => {
    expect(() => trustProxy("loopback, nonsense")).toThrow(/invalid IP address/);
  });

  it("gives the forwarded client's address and protocol behind a trusted proxy only", async () => {
    const app = express();
    app.set("trust proxy", trustProxy("loopback"));
    app.get("/", (req, res) => {
      res.json({ ip: req.ip, protocol: req.protocol });
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const { port } = server.address() as { port: number };
      const ask = async () =>
        (await fetch(`http://127.0.0.1:${port}/`, {
          headers: { "X-Forwarded-For": "203.0.113.5", "X-Forwarded-Proto": "https" },
        }).then((res) => res.json())) as { ip: string; protocol: string };
      expect(await ask()).toEqual({ ip: "203.0.113.5", protocol: "https" });
      expect(await ask()).toEqual({ ip: "203.0.113.5", protocol: "https" });
    } finally {
      server.close();
    }
  });
});
