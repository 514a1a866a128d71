// The README's screenshots, made from data we own: the example articles in
// examples/ (sentences we wrote) loaded through the API, and a synthetic
// store of 100,000 events (`dyad store generate`) for the dyad chart and the
// network. Also prints how long the dashboard takes on that store.
// Run from the repository root after `cargo build --release -p dyad-cli` and
// `(cd tests/browser && npm ci)`:
//   node tests/browser/screenshots.mjs        # writes docs/screenshots/*.png
import { chromium } from "playwright-core";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dyad = process.env.DYAD_BIN ?? path.join(root, "target/release/dyad");
const out = path.join(root, "docs/screenshots");
mkdirSync(out, { recursive: true });
const dir = mkdtempSync(path.join(tmpdir(), "dyad-screens-"));
const args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args });

async function serving(db, fn) {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(dyad, ["serve", "--db", db, "--addr", `127.0.0.1:${port}`], { stdio: "ignore" });
  try {
    for (let i = 0; ; i++) {
      try { if ((await fetch(`${base}/api/openapi.json`)).ok) break; } catch { /* not yet */ }
      if (i > 100) throw new Error("dyad serve did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
    const page = await browser.newPage({ viewport: { width: 1200, height: 760 } });
    await fn(base, page);
    await page.close();
  } finally {
    server.kill();
  }
}

try {
  await serving(path.join(dir, "examples.db"), async (base, page) => {
    for (const f of readdirSync(path.join(root, "examples")).filter((f) => f.endsWith(".jsonl")).sort()) {
      const res = await fetch(`${base}/api/documents`, { method: "POST", body: readFileSync(path.join(root, "examples", f)) });
      if (!res.ok) throw new Error(`${f}: ${res.status} ${await res.text()}`);
    }
    await page.goto(base);
    await page.locator("#events li").first().waitFor();
    await page.screenshot({ path: path.join(out, "timeline.png") });
    await page.locator("#events li").filter({ hasText: "Vladimir Putin" }).first().focus();
    await page.keyboard.press("Enter");
    await page.locator("#doc-text mark.trigger").first().waitFor();
    await page.screenshot({ path: path.join(out, "document.png") });
    await page.keyboard.press("Escape");
    await page.locator("#tab-threats").click();
    await page.locator("#threat-board .card").first().waitFor();
    await page.screenshot({ path: path.join(out, "threats.png") });
  });

  const big = path.join(dir, "synthetic.db");
  execFileSync(dyad, ["store", "generate", "--db", big, "--events", "100000"], { stdio: "inherit" });
  await serving(big, async (base, page) => {
    let t = Date.now();
    await page.goto(base);
    await page.locator("#events li").first().waitFor();
    console.log(`100,000 events: timeline shown in ${Date.now() - t} ms`);
    await page.locator("#tab-dyad").click();
    await page.locator("#dyad-form [name=by], #dyad-form select").first().selectOption("month");
    t = Date.now();
    await page.locator("#dyad-form button").click();
    await page.waitForFunction(() => document.querySelector("#dyad-chart svg text")?.textContent.includes("per month"));
    console.log(`100,000 events: USA-RUS by month drawn in ${Date.now() - t} ms`);
    await page.screenshot({ path: path.join(out, "dyad.png") });
    t = Date.now();
    await page.locator("#tab-network").click();
    await page.locator("#network-chart svg line").first().waitFor();
    console.log(`100,000 events: network drawn in ${Date.now() - t} ms`);
    await page.screenshot({ path: path.join(out, "network.png") });
  });
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`screenshots in ${path.relative(root, out)}/`);
