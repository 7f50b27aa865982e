// Settle time of pages in headless Chromium (docs/BENCHMARKS.md, "Pages"), run by dev.priora.bench.PageBenchmark.
// usage: node scripts/page-settle.js BASE EMAIL PASSWORD ROUNDS path1 path2 ...
// A page has settled when its load event has fired, every request it made (htmx fragments too) has answered and
// htmx has swapped the last answer in: settle = max(loadEventEnd, last resource's responseEnd, last htmx:afterSettle),
// from the start of the navigation. The first round is each page's first visit after the server started.
// Prints one JSON line per page: {"path", "first", "median", "p90"} in milliseconds.
const { chromium } = require('playwright-core');
(async () => {
  const [base, email, pw, rounds, ...paths] = process.argv.slice(2);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    window.__settled = 0;
    document.addEventListener('htmx:afterSettle', () => { window.__settled = performance.now(); });
  });
  await page.goto(base + '/login');
  await page.fill('input[name=username]', email);
  await page.fill('input[name=password]', pw);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  const times = Object.fromEntries(paths.map(p => [p, []]));
  for (let round = 0; round < parseInt(rounds); round++) {
    for (const p of paths) {
      const resp = await page.goto(base + p, { waitUntil: 'networkidle' });
      const settle = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const last = performance.getEntriesByType('resource').reduce((m, r) => Math.max(m, r.responseEnd), 0);
        return Math.max(nav.loadEventEnd, last, window.__settled);
      });
      if (resp.status() !== 200) {
        console.error(`status ${resp.status()} for ${p}`);
      }
      times[p].push(settle);
    }
  }
  for (const p of paths) {
    const t = times[p];
    const warm = t.slice(1).sort((a, b) => a - b);
    const at = q => warm.length ? warm[Math.min(warm.length - 1, Math.floor(q * warm.length))] : NaN;
    console.log(JSON.stringify({ path: p, first: Math.round(t[0]), median: Math.round(at(0.5)), p90: Math.round(at(0.9)) }));
  }
  await browser.close();
})();
