// SPDX-License-Identifier: EUPL-1.2
// Checks the rendered forms as a browser user meets them. For every page
// under --pages (folders plain/, prefill/ and errors/, each holding
// <form>.<lang>.html): the Nu HTML Checker error count, the axe-core
// violation count, a keyboard walk with and without JavaScript, the
// conditional fields with the script on, and a plain POST with the script
// off. Saves a full-page PNG of each page under --screenshots. Prints one
// line per page and exits 1 when any check fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const AXE = path.join(here, 'node_modules/axe-core/axe.min.js');
const VNU = path.join(here, 'node_modules/vnu-jar/build/dist/vnu.jar');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const VARIANTS = ['plain', 'prefill', 'errors'];
// Chromium must not reach out: this machine's network is closed, and a
// test must not depend on Google's hosts.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync'];

function parseArgs(argv) {
	const args = { pages: null, screenshots: null, chromium: '/usr/bin/chromium', verbose: false,
		       only: null };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--pages') args.pages = path.resolve(argv[++i]);
		else if (a === '--screenshots') args.screenshots = path.resolve(argv[++i]);
		else if (a === '--chromium') args.chromium = argv[++i];
		else if (a === '--verbose') args.verbose = true;
		else if (a === '--only') args.only = new RegExp(argv[++i]);
		else throw new Error(`unknown argument ${a}`);
	}
	if (!args.pages || !args.screenshots)
		throw new Error('usage: check.mjs --pages DIR --screenshots DIR [--chromium PATH]');
	return args;
}

function listPages(root) {
	const pages = [];
	for (const variant of VARIANTS) {
		const dir = path.join(root, variant);
		if (!fs.existsSync(dir))
			continue;
		for (const name of fs.readdirSync(dir).sort()) {
			const m = /^(.+)\.([a-z]{2})\.html$/.exec(name);
			if (m)
				pages.push({ variant, form: m[1], lang: m[2], file: path.join(dir, name),
					     rel: `${variant}/${name}`, problems: [] });
		}
	}
	return pages;
}

// Runs vnu once over every page; returns error messages per file path.
function runVnu(pages) {
	const result = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json',
		...pages.map((p) => p.file)], { encoding: 'utf8', maxBuffer: 64 << 20 });
	const text = (result.stderr || '') + (result.stdout || '');
	const start = text.indexOf('{');
	if (start < 0)
		throw new Error(`vnu printed no JSON (exit ${result.status}): ${text.slice(0, 500)}`);
	const report = JSON.parse(text.slice(start));
	const byFile = new Map(pages.map((p) => [p.file, []]));
	for (const m of report.messages) {
		const file = m.url ? decodeURIComponent(m.url.replace(/^file:/, '')) : '';
		if (m.type === 'error' || m.type === 'non-document-error')
			(byFile.get(file) || byFile.set(file, []).get(file)).push(m);
	}
	return byFile;
}

// Serves the pages on 127.0.0.1 and records each POST body by path, so
// that a submission without JavaScript can be checked.
function startServer(root, posts) {
	const server = http.createServer((req, res) => {
		const url = new URL(req.url, 'http://127.0.0.1');
		const file = path.join(root, path.normalize(decodeURIComponent(url.pathname)));
		if (req.method === 'POST') {
			const chunks = [];
			req.on('data', (c) => chunks.push(c));
			req.on('end', () => {
				posts.set(url.pathname, { type: req.headers['content-type'] || '',
							  body: Buffer.concat(chunks).toString('utf8') });
				res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
				res.end('<!DOCTYPE html><html lang="en"><title>Received</title><p>Received</p>');
			});
			return;
		}
		if (!file.startsWith(root + path.sep) || !fs.existsSync(file)) {
			res.writeHead(404);
			res.end();
			return;
		}
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		fs.createReadStream(file).pipe(res);
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function runAxe(page) {
	await page.addScriptTag({ path: AXE });
	return page.evaluate(async (tags) => {
		const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags },
							   resultTypes: ['violations'] });
		return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
			targets: v.nodes.map((n) => n.target.join(' ')) }));
	}, AXE_TAGS);
}

// Chromium compiles the pattern attribute with the v flag; a pattern that
// does not compile is ignored, so the browser would check nothing.
async function checkPatterns(page) {
	return page.evaluate(() => Array.from(document.querySelectorAll('[pattern]')).flatMap((el) => {
		try {
			new RegExp(`^(?:${el.getAttribute('pattern')})$`, 'v');
			return [];
		} catch (e) {
			return [`#${el.id}: pattern does not compile with the v flag: ${e.message}`];
		}
	}));
}

// Marks every element that sequential navigation should reach, in DOM
// order, with data-kb; a radio group counts once, at its first radio.
async function markTabbables(page) {
	return page.evaluate(() => {
		const seenGroups = new Set();
		const all = document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]');
		let n = 0;
		const list = [];
		for (const el of all) {
			const style = getComputedStyle(el);
			if (el.disabled || el.tabIndex < 0 || el.type === 'hidden' ||
			    el.getClientRects().length === 0 || style.visibility === 'hidden')
				continue;
			if (el.type === 'radio') {
				if (seenGroups.has(el.name))
					continue;
				seenGroups.add(el.name);
			}
			el.setAttribute('data-kb', String(n));
			list.push(el.id || el.textContent.trim().slice(0, 30) || el.tagName);
			n++;
		}
		return list;
	});
}

async function focusedInfo(page) {
	return page.evaluate(() => {
		const el = document.activeElement;
		if (!el || el === document.body)
			return null;
		const s = getComputedStyle(el);
		const r = el.getBoundingClientRect();
		const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
		return { kb: el.getAttribute('data-kb'), name: el.id || el.tagName,
			 submit: el.matches('button[type=submit]'),
			 visible: outline || (s.boxShadow && s.boxShadow !== 'none'),
			 top: r.top + window.scrollY, left: r.left + window.scrollX };
	});
}

// Presses Tab from the top of the page until focus reaches the submit
// button: the order must be the DOM order, every control must be reached,
// and every stop must show a focus indicator (WCAG 2.1.1, 2.4.3, 2.4.7).
async function keyboardWalk(page) {
	const problems = [];
	const expected = await markTabbables(page);
	await page.evaluate(() => {
		if (document.activeElement)
			document.activeElement.blur();
		window.scrollTo(0, 0);
	});
	let prev = null;
	let reachedSubmit = false;
	const seen = [];
	// A date input takes several Tab stops (its parts and its calendar
	// button); they count as one stop on the control.
	for (let i = 0; i < 4 * expected.length + 3 && !reachedSubmit; i++) {
		await page.keyboard.press('Tab');
		const f = await focusedInfo(page);
		if (!f) {
			problems.push(`Tab ${i + 1} left the page before the submit button`);
			break;
		}
		if (!f.visible)
			problems.push(`${f.name} shows no focus indicator at Tab ${i + 1}`);
		if (prev && f.kb === prev.kb)
			continue;
		if (f.kb !== String(seen.length))
			problems.push(`Tab ${i + 1} reached ${f.name}, expected ${expected[seen.length]}`);
		seen.push(f.name);
		if (prev && f.top < prev.top - 2)
			problems.push(`${f.name} comes after ${prev.name} but sits above it`);
		prev = f;
		reachedSubmit = f.submit;
		if (problems.length > 5)
			break;
	}
	if (!reachedSubmit)
		problems.push('the submit button was not reached with Tab');
	else if (seen.length !== expected.length)
		problems.push(`${expected.length - seen.length} controls after the submit button`);
	return { problems, stops: seen.length };
}

// With the script on, a conditional field is hidden until its condition
// holds, and shown once the user gives that answer.
async function checkConditions(page) {
	const problems = [];
	const conds = await page.evaluate(() => Array.from(
		document.querySelectorAll('[data-oo-if-field]')).map((w) => ({
		field: w.getAttribute('data-oo-if-field'), equals: w.getAttribute('data-oo-if-equals'),
		target: w.querySelector('input, select, textarea')?.id })));
	for (const c of conds) {
		const control = await page.evaluate(({ field, equals }) => {
			const els = Array.from(document.getElementsByName(field));
			const el = els.find((e) => e.value === equals) || els[0];
			if (!el || el.readOnly)
				return null;
			return { id: el.id, type: el.type, boolean: el.hasAttribute('data-oo-boolean') };
		}, c);
		if (!control)
			continue;
		const sel = `[id="${control.id}"]`;
		const want = control.boolean ? c.equals === 'true' : true;
		if (control.type === 'radio' || control.type === 'checkbox')
			await page.setChecked(sel, want);
		else if (control.type === 'select-one')
			await page.selectOption(sel, c.equals);
		else
			await page.fill(sel, c.equals);
		if (!(await page.isVisible(`[id="${c.target}"]`)))
			problems.push(`#${c.target} stays hidden when ${c.field} is "${c.equals}"`);
		if (control.type === 'checkbox')
			await page.setChecked(sel, !want);
		else if (control.type === 'radio')
			continue;
		else
			await page.fill(sel, '').catch(() => page.selectOption(sel, ''));
		if (await page.isVisible(`[id="${c.target}"]`))
			problems.push(`#${c.target} stays visible when ${c.field} is not "${c.equals}"`);
	}
	return problems;
}

const TEXT_CANDIDATES = ['Voorbeeld', '0314.595.348', '2.123.456.789', '9000', '56.101', '14:30',
	'BE0314.595.348', 'BE68 5390 0754 7034', '85.07.30-033.61', '12'];

// Fills one control with a value its HTML constraints accept. Returns an
// error text, or null.
async function fillControl(page, c) {
	const sel = `[id="${c.id}"]`;
	if (c.type === 'radio' || c.type === 'checkbox')
		return page.check(sel).then(() => null);
	if (c.type === 'select-one')
		return page.selectOption(sel, { index: 1 }).then(() => null);
	if (c.type === 'file')
		return page.setInputFiles(sel, { name: 'bijlage.pdf', mimeType: 'application/pdf',
						 buffer: Buffer.from('%PDF-1.4\n%%EOF\n') }).then(() => null);
	let candidates = TEXT_CANDIDATES;
	if (c.type === 'date') candidates = ['2027-06-30'];
	else if (c.type === 'email') candidates = ['info@example.be'];
	else if (c.type === 'tel') candidates = ['+32 9 210 10 10'];
	else if (c.type === 'number') candidates = [c.min || '1', '1'];
	else if (/-day$/.test(c.id)) candidates = ['27'];
	else if (/-month$/.test(c.id)) candidates = ['3'];
	else if (/-year$/.test(c.id)) candidates = ['1980'];
	for (const v of candidates) {
		await page.fill(sel, v);
		if (await page.$eval(sel, (el) => el.checkValidity()))
			return null;
	}
	return `#${c.id}: no sample value meets its constraints`;
}

// Without JavaScript: every conditional field is visible with its
// condition in words, and the form, once filled in, posts every field.
async function checkPlainPost(page, pageUrl, posts) {
	const problems = [];
	const hiddenConds = await page.evaluate(() => Array.from(
		document.querySelectorAll('[data-oo-if-field]')).filter((w) =>
		w.getClientRects().length === 0 || !w.querySelector('.oo-condition')).length);
	if (hiddenConds)
		problems.push(`${hiddenConds} conditional fields are hidden or lack their condition without JavaScript`);
	const controls = await page.evaluate(() => {
		const groups = new Set();
		return Array.from(document.querySelectorAll('form.oo-form input, form.oo-form select, form.oo-form textarea'))
			.filter((el) => !el.readOnly && !el.disabled)
			.filter((el) => !(el.type === 'radio' || el.type === 'checkbox') ||
					(!groups.has(el.name) && groups.add(el.name)))
			.map((el) => ({ id: el.id, name: el.name, type: el.type, min: el.getAttribute('min') }));
	});
	for (const c of controls) {
		const err = await fillControl(page, c);
		if (err)
			problems.push(err);
	}
	const invalid = await page.evaluate(() => Array.from(
		document.querySelectorAll('form.oo-form :invalid')).map((el) => `#${el.id}`));
	if (invalid.length)
		return problems.concat(`still invalid after filling in: ${invalid.join(', ')}`);
	const names = await page.evaluate(() => Array.from(new Set(Array.from(
		document.querySelectorAll('form.oo-form [name]')).map((el) => el.name))));
	const pathname = new URL(pageUrl).pathname;
	posts.delete(pathname);
	await page.focus('form.oo-form button[type=submit]');
	await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST').catch(() => null),
		page.keyboard.press('Enter'),
	]);
	const post = posts.get(pathname);
	if (!post)
		return problems.concat('the form did not post (a constraint blocked it?)');
	const missing = names.filter((n) => !post.body.includes(`name="${n}"`) &&
					   !post.body.includes(`${encodeURIComponent(n)}=`));
	if (missing.length)
		problems.push(`the POST lacks ${missing.join(', ')}`);
	return problems;
}

async function launch(chromiumPath, javaScriptEnabled) {
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'oo-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: chromiumPath, headless: true, args: FLAGS, javaScriptEnabled,
		viewport: { width: 1024, height: 768 }, locale: 'nl-BE',
	});
	// One tab per browser, reused for every page: opening and closing tabs
	// in a persistent context made Chromium refuse new ones.
	const page = context.pages()[0] || await context.newPage();
	page.setDefaultTimeout(5000);
	return { context, profile, page };
}

async function checkWithScript(page, p, url, shots) {
	await page.goto(url, { waitUntil: 'load' });
	await page.screenshot({ path: path.join(shots, p.rel.replace(/\.html$/, '.png')), fullPage: true });
	p.axe = await runAxe(page);
	p.problems.push(...await checkPatterns(page));
	const walk = await keyboardWalk(page);
	p.stops = walk.stops;
	p.problems.push(...walk.problems);
	p.problems.push(...await checkConditions(page));
}

// The walk without JavaScript runs on the plain pages only: there every
// conditional field is visible, so it reaches every control of the form,
// and the prefilled and error pages add no control to it.
async function checkWithoutScript(page, p, url, posts) {
	await page.goto(url, { waitUntil: 'load' });
	if (p.variant === 'plain') {
		const walk = await keyboardWalk(page);
		p.problems.push(...walk.problems.map((s) => `without JavaScript: ${s}`));
	}
	p.problems.push(...await checkPlainPost(page, url, posts));
}

function report(p, verbose) {
	const axeCount = p.axe ? p.axe.length : -1;
	const ok = p.vnu.length === 0 && axeCount === 0 && p.problems.length === 0;
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${p.form} ${p.lang} ${p.variant.padEnd(7)} ` +
		    `vnu ${p.vnu.length} errors, axe ${axeCount} violations, ` +
		    `keyboard ${p.stops ?? 0} stops, ${p.problems.length} other problems`);
	if (ok && !verbose)
		return ok;
	for (const m of p.vnu)
		console.log(`     vnu: line ${m.lastLine}: ${m.message}`);
	for (const v of p.axe || [])
		console.log(`     axe ${v.id} (${v.impact}): ${v.help}: ${v.targets.slice(0, 5).join(', ')}`);
	for (const s of p.problems)
		console.log(`     ${s}`);
	return ok;
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const pages = listPages(args.pages).filter((p) => !args.only || args.only.test(p.rel));
	if (!pages.length)
		throw new Error(`no pages under ${args.pages}`);
	const vnu = runVnu(pages);
	for (const p of pages)
		p.vnu = vnu.get(p.file) || [];
	for (const v of VARIANTS)
		fs.mkdirSync(path.join(args.screenshots, v), { recursive: true });

	const posts = new Map();
	const server = await startServer(args.pages, posts);
	const base = `http://127.0.0.1:${server.address().port}`;
	const withJs = await launch(args.chromium, true);
	const withoutJs = await launch(args.chromium, false);
	let failed = 0;
	try {
		for (const p of pages) {
			const url = `${base}/${p.rel}`;
			try {
				await checkWithScript(withJs.page, p, url, args.screenshots);
				await checkWithoutScript(withoutJs.page, p, url, posts);
			} catch (e) {
				p.problems.push(`browser check stopped: ${e.message.split('\n')[0]}`);
			}
			if (!report(p, args.verbose))
				failed++;
		}
	} finally {
		for (const b of [withJs, withoutJs]) {
			await b.context.close();
			fs.rmSync(b.profile, { recursive: true, force: true });
		}
		// Keep-alive connections from Chromium would hold the server open.
		server.closeAllConnections();
		server.close();
	}
	console.log(`${pages.length} pages, ${failed} failing; screenshots in ${args.screenshots}`);
	process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
	console.error(`check.mjs: ${e.stack || e.message}`);
	process.exitCode = 2;
}).finally(() => process.exit());
