// The dashboard in a real headless Chromium: `dyad serve` is started on an
// empty store, the seed article is loaded through the API (POST
// /api/documents), and the page checked as an analyst would use it.
// Screenshots go to target/browser/. Run from the repository root:
//   (cd tests/browser && npm ci) && node tests/browser/dashboard.mjs
// Environment: DYAD_BIN (default target/release/dyad), CHROMIUM (default
// /usr/bin/chromium), DYAD_SEED (default ../shared/seed/witkoff-putin.jsonl).
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import path from "node:path";
import assert from "node:assert/strict";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dyad = process.env.DYAD_BIN ?? path.join(root, "target/release/dyad");
const seed = process.env.DYAD_SEED ?? path.join(root, "../shared/seed/witkoff-putin.jsonl");
const out = path.join(root, "target/browser");
mkdirSync(out, { recursive: true });
const dir = mkdtempSync(path.join(tmpdir(), "dyad-browser-"));
const db = path.join(dir, "events.db");

const port = 20000 + Math.floor(Math.random() * 20000);
const base = `http://127.0.0.1:${port}`;
const server = spawn(dyad, ["serve", "--db", db, "--addr", `127.0.0.1:${port}`], { stdio: ["ignore", "inherit", "inherit"] });
let browser;

async function up() {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`${base}/api/openapi.json`)).ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dyad serve did not answer on ${base}`);
}

// The seed goes in as an analyst's tool would send it: JSONL to the API,
// which codes, stores and returns its events.
async function load() {
  const res = await fetch(`${base}/api/documents`, {
    method: "POST",
    headers: { "content-type": "application/x-ndjson" },
    body: readFileSync(seed),
  });
  const body = await res.json();
  assert.equal(res.status, 201, JSON.stringify(body));
  assert.ok(body.events.some((e) => e.event_type === "CONSULT"), "the seed's meeting was coded");
  console.log(`loaded the seed through the API: ${body.events.length} events`);
}

const checks = [];
function check(name, fn) { checks.push([name, fn]); }

check("the timeline shows the Witkoff–Putin meeting", async (page) => {
  const meeting = page.locator("#events li").filter({ hasText: "CONSULT" }).filter({ hasText: "Steve Witkoff" }).filter({ hasText: "Vladimir Putin" });
  await meeting.first().waitFor();
  await page.screenshot({ path: path.join(out, "timeline.png"), fullPage: true });
});

check("its document opens with actors, triggers and places highlighted", async (page) => {
  const meeting = page.locator("#events li").filter({ hasText: "CONSULT" }).filter({ hasText: "Vladimir Putin" }).first();
  await meeting.focus();
  await page.keyboard.press("Enter");
  await page.locator("#document").waitFor({ state: "visible" });
  const triggers = await page.locator("#doc-text mark.trigger").allTextContents();
  assert.ok(triggers.some((t) => t.includes("met")), `triggers: ${triggers}`);
  const actors = await page.locator("#doc-text mark.actor").allTextContents();
  assert.ok(actors.some((t) => t.includes("Witkoff")), `actors: ${actors}`);
  const recipients = await page.locator("#doc-text mark.recipient").allTextContents();
  assert.ok(recipients.some((t) => t.includes("Putin")), `recipients: ${recipients}`);
  const places = page.locator("#doc-text mark.place");
  assert.ok((await places.allTextContents()).includes("Moscow"), "Moscow is highlighted as a place");
  const moscow = await places.filter({ hasText: "Moscow" }).first().getAttribute("title");
  assert.ok(moscow.includes("524901"), `Moscow's GeoNames id: ${moscow}`);
  const rules = await page.locator("#doc-events").textContent();
  assert.ok(rules.includes("rule:"), "each event names its rule");
  await page.screenshot({ path: path.join(out, "document.png"), fullPage: true });
  await page.keyboard.press("Escape");
  await page.locator("#document").waitFor({ state: "hidden" });
});

check("the threat board shows Trump's threat with its deadline", async (page) => {
  await page.locator("#tab-threats").click();
  const card = page.locator("#threat-board .card").filter({ hasText: "2025-08-08" }).filter({ hasText: "Donald Trump" });
  await card.first().waitFor();
  const text = await card.first().textContent();
  assert.ok(text.includes("pending"), text);
  assert.ok(text.includes("Russia"), text);
  await page.screenshot({ path: path.join(out, "threats.png"), fullPage: true });
});

check("the dyad chart and the network draw", async (page) => {
  await page.locator("#tab-dyad").click();
  await page.locator("#dyad-chart svg rect").first().waitFor();
  await page.screenshot({ path: path.join(out, "dyad.png") });
  await page.locator("#tab-network").click();
  await page.locator("#network-chart svg line").first().waitFor();
  await page.screenshot({ path: path.join(out, "network.png") });
});

let failed = 0;
try {
  await up();
  await load();
  // Chromium on a closed network: no background connections, no updates.
  const args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args });
  const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  page.setDefaultTimeout(10000);
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(base);
  for (const [name, fn] of checks) {
    try { await fn(page); console.log(`ok: ${name}`); } catch (e) { failed++; console.log(`FAILED: ${name}: ${e.message}`); }
  }
  assert.deepEqual(errors, [], "the page raised errors");
} catch (e) {
  failed++;
  console.log(`FAILED: ${e.message}`);
} finally {
  await browser?.close();
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`${checks.length - failed >= 0 ? checks.length - failed : 0} of ${checks.length} checks passed; screenshots in ${out}`);
process.exit(failed ? 1 : 0);
