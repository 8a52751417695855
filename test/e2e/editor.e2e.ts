/**
 * The package's nodes as a user meets them: the real n8n 2.41.1 editor in headless Chromium (playwright-core),
 * signed in as the local owner, opening the example workflows. The other E2E files prove the nodes run; only the
 * editor shows whether n8n serves the icon out of the installed package, resolves option values to their display
 * names, finds the imported credentials for the node's credential types and renders the trigger's setup notice.
 * A wrong `icon` path, a renamed option or a credential type mismatch break exactly these, and silently.
 *
 * Every step leaves a screenshot in test/e2e/artifacts/ (taken before the step's assertions, so that a failing
 * run shows what the editor showed), plus editor-console.txt with the browser's errors.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

import { IngramMicroTrigger } from '../../nodes/IngramMicroTrigger/IngramMicroTrigger.node';
import { EXAMPLE_CREDENTIALS, prepareN8n, type PreparedN8n } from './environment';
import { LOCAL_OWNER, PACKAGE_NAME, REPO_ROOT } from './n8n';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(REPO_ROOT, 'test', 'e2e', 'artifacts');

const PRICE_WORKFLOW = { id: 'ingramMicroPandA', node: 'Get price and availability' };
const TRIGGER_WORKFLOW = { id: 'ingramMicroTrigr', node: 'Ingram Micro Trigger' };

/** The node details view's title (its inline rename field also holds the name, hidden behind this preview). */
const NDV_TITLE = '[data-test-id="node-title-container"] [data-test-id="inline-edit-preview"]';

/** n8n serves a community node's file icon from /icons/<package>/<path in the package>. */
const ICON_SRC = new RegExp(`/icons/${PACKAGE_NAME}/dist/icons/ingramMicro(\\.dark)?\\.svg$`);

let env: PreparedN8n | undefined;
let browser: Browser | undefined;
let page: Page;
const browserErrors: string[] = [];

beforeAll(async () => {
	// checked first: without a browser there is nothing to test, and starting n8n would only delay the message
	if (!existsSync(CHROMIUM)) {
		throw new Error(
			`the editor test drives Chromium at ${CHROMIUM}, which is missing: apt-get install chromium`,
		);
	}
	await mkdir(ARTIFACTS, { recursive: true });
	env = await prepareN8n();
	await env.n8n.start();
	await env.n8n.setupOwner();
	browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-quic',
			'--no-first-run',
		],
	});
	page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	page.setDefaultTimeout(30_000);
	// a "leave site?" prompt must not block navigating from one workflow to the next
	page.on('dialog', (dialog) => void dialog.accept());
	page.on('pageerror', (error) => browserErrors.push(`pageerror: ${error.message}`));
	page.on('console', (message) => {
		// the instance is offline: n8n's calls home to api.n8n.io fail by design
		if (message.type() === 'error' && !message.text().includes('api.n8n.io')) {
			browserErrors.push(`console: ${message.text()} (${message.location().url})`);
		}
	});
});

afterAll(async () => {
	try {
		await writeFile(join(ARTIFACTS, 'editor-console.txt'), browserErrors.join('\n') + '\n').catch(
			() => {},
		);
		await browser?.close();
	} finally {
		await env?.dispose();
	}
});

const screenshot = (name: string) => page.screenshot({ path: join(ARTIFACTS, name) });

/**
 * Closes whatever n8n puts over the editor on a first visit (surveys, "what's new", notifications), so that
 * clicks reach the canvas. The node details view is left alone: the tests open it themselves.
 */
async function dismissPopups(): Promise<void> {
	for (let round = 0; round < 5; round++) {
		const notification = page
			.locator('.el-notification .el-notification__closeBtn')
			.filter({ visible: true });
		for (const close of await notification.all())
			await close.click({ timeout: 2000 }).catch(() => {});
		const dialog = page
			.locator('.el-overlay-dialog .el-dialog, [role="dialog"]:not([data-test-id="ndv"])')
			.filter({ visible: true })
			.first();
		if ((await dialog.count()) === 0) return;
		const close = dialog
			.locator('.el-dialog__headerbtn, [aria-label="Close"], [data-test-id$="close-button"]')
			.first();
		if ((await close.count()) > 0) await close.click({ timeout: 2000 }).catch(() => {});
		else await page.keyboard.press('Escape');
		await page.waitForTimeout(300);
	}
}

/** Waits until a locator stops moving (the canvas zooms to fit after loading), so screenshots are not blurred. */
async function waitUntilStill(locator: Locator): Promise<void> {
	let last = '';
	for (let i = 0; i < 40; i++) {
		const box = JSON.stringify(await locator.boundingBox());
		if (box === last) return;
		last = box;
		await page.waitForTimeout(150);
	}
}

/** The parts of a DOM <img> read in the page (the test's tsconfig has no DOM types). */
interface PageImage {
	src: string;
	complete: boolean;
	naturalWidth: number;
	addEventListener(type: 'load' | 'error', listener: () => void, options: { once: boolean }): void;
}

/**
 * The images in an element once they have loaded or failed. A broken icon keeps naturalWidth 0; n8n may also
 * drop the <img> for a fallback, which shows as an empty list in the assertion's diff.
 */
async function iconsIn(scope: Locator): Promise<Array<{ src: string; loaded: boolean }>> {
	await scope
		.locator('img')
		.first()
		.waitFor({ timeout: 10_000 })
		.catch(() => {});
	return scope.locator('img').evaluateAll((images) =>
		Promise.all(
			(images as unknown as PageImage[]).map(async (image) => {
				if (!image.complete) {
					await new Promise<void>((settled) => {
						image.addEventListener('load', () => settled(), { once: true });
						image.addEventListener('error', () => settled(), { once: true });
						setTimeout(() => settled(), 10_000);
					});
				}
				return { src: image.src, loaded: image.naturalWidth > 0 };
			}),
		),
	);
}

/**
 * What an n8n select (resource, operation, credential) displays: its readonly <input> holds the label of the
 * chosen option. The value fills in a moment after the input appears, so an empty value is read again.
 */
async function shownValue(select: Locator): Promise<string> {
	const input = select.locator('input').first();
	await input.waitFor({ state: 'visible' });
	let value = '';
	for (let i = 0; i < 50 && !value; i++) {
		value = await input.inputValue();
		if (!value) await page.waitForTimeout(100);
	}
	return value;
}

const text = async (locator: Locator) =>
	((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** A parameter's label text; the label element also holds the Fixed/Expression switch that shows on hover. */
const labelOf = (ndv: Locator, parameter: string) =>
	ndv.locator(`label[for="${parameter}"] .n8n-text`).first();

const canvasNode = (name: string) =>
	page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);

async function openWorkflow(id: string, nodeName: string): Promise<Locator> {
	await page.goto(`${env!.n8n.baseUrl}/workflow/${id}`);
	const node = canvasNode(nodeName);
	await node.waitFor({ state: 'visible' });
	await dismissPopups();
	await waitUntilStill(node);
	return node;
}

/** Opens a node's details view by double-clicking it on the canvas, as a user does. */
async function openNode(node: Locator): Promise<Locator> {
	await node.dblclick();
	const ndv = page.locator('[data-test-id="ndv"]');
	await ndv.locator('[data-test-id="node-parameters"]').waitFor({ state: 'visible' });
	return ndv;
}

async function closeNode(ndv: Locator): Promise<void> {
	await ndv.locator('[data-test-id="ndv-close-button"]').click();
	await ndv.waitFor({ state: 'hidden' });
}

describe('the n8n editor shows the package’s nodes', () => {
	test('the local owner signs in through the sign-in form', async () => {
		await page.goto(`${env!.n8n.baseUrl}/signin`);
		await page.locator('[data-test-id="emailOrLdapLoginId"] input').fill(LOCAL_OWNER.email);
		await page.locator('[data-test-id="password"] input').fill(LOCAL_OWNER.password);
		// the form's own answer says whom n8n signed in (a request from outside the page would lack n8n's browser-id
		// header, be refused and clear the session cookie)
		const answer = page.waitForResponse(
			(response) =>
				new URL(response.url()).pathname === '/rest/login' &&
				response.request().method() === 'POST',
		);
		await page.locator('[data-test-id="form-submit-button"]').click();
		const login = await answer;
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
		await dismissPopups();
		// the overview lists the imported examples once it has loaded
		await page
			.getByText('Ingram Micro: price and availability for a list of SKUs')
			.waitFor()
			.catch(() => {});
		await screenshot('editor-1-signed-in.png');

		expect(login.status()).toBe(200);
		expect(((await login.json()) as { data: { email: string } }).data.email).toBe(
			LOCAL_OWNER.email,
		);
		expect(new URL(page.url()).pathname).not.toMatch(/^\/(signin|setup)/);
	});

	test('price and availability: the canvas shows the Ingram Micro node, the package’s icon loaded', async () => {
		const node = await openWorkflow(PRICE_WORKFLOW.id, PRICE_WORKFLOW.node);
		const icons = await iconsIn(node);
		await screenshot('editor-2-canvas-price-availability.png');

		expect(await node.getAttribute('data-node-type')).toBe(`${PACKAGE_NAME}.ingramMicro`);
		expect(icons).toEqual([{ src: expect.stringMatching(ICON_SRC), loaded: true }]);
		expect(await text(node)).toContain(PRICE_WORKFLOW.node);
	});

	test('price and availability: the node shows Product, Get Price and Availability and its credential', async () => {
		const ndv = await openNode(canvasNode(PRICE_WORKFLOW.node));
		const resource = await shownValue(ndv.locator('[data-test-id="parameter-input-resource"]'));
		const operation = await shownValue(ndv.locator('[data-test-id="parameter-input-operation"]'));
		const credential = await shownValue(ndv.locator('[data-test-id="node-credentials-select"]'));
		const headerIcons = await iconsIn(ndv.locator('header').first());
		await screenshot('editor-3-node-price-availability.png');

		expect(await text(ndv.locator(NDV_TITLE))).toBe(PRICE_WORKFLOW.node);
		expect(headerIcons).toEqual([{ src: expect.stringMatching(ICON_SRC), loaded: true }]);
		expect(await text(labelOf(ndv, 'resource'))).toBe('Resource');
		expect(resource).toBe('Product');
		expect(await text(labelOf(ndv, 'operation'))).toBe('Operation');
		expect(operation).toBe('Get Price and Availability');
		// the example refers to its credential by id; a name shown here means n8n matched id and credential type
		expect(credential).toBe(EXAMPLE_CREDENTIALS.api.name);
		await closeNode(ndv);
	});

	test('trigger: the canvas shows the Ingram Micro Trigger with its icon loaded from the package', async () => {
		const node = await openWorkflow(TRIGGER_WORKFLOW.id, TRIGGER_WORKFLOW.node);
		const icons = await iconsIn(node);
		await screenshot('editor-4-canvas-trigger.png');

		expect(await node.getAttribute('data-node-type')).toBe(`${PACKAGE_NAME}.ingramMicroTrigger`);
		expect(icons).toEqual([{ src: expect.stringMatching(ICON_SRC), loaded: true }]);
	});

	test('trigger: the node opens with its setup notice, its events and its webhook credential', async () => {
		const ndv = await openNode(canvasNode(TRIGGER_WORKFLOW.node));
		const parameters = ndv.locator('[data-test-id="node-parameters"]');
		const events = ndv.locator('[data-test-id="parameter-input-events"] .el-select__tags-text');
		await events.first().waitFor({ state: 'visible' });
		const credential = await shownValue(ndv.locator('[data-test-id="node-credentials-select"]'));
		await screenshot('editor-5-node-trigger.png');

		expect(await text(ndv.locator(NDV_TITLE))).toBe(TRIGGER_WORKFLOW.node);

		// exactly one notice: the setup notice; the "verification is off" warning stays hidden while it is on
		const setupNotice = new IngramMicroTrigger().description.properties.find(
			(p) => p.name === 'setupNotice',
		)!;
		const notices = parameters.locator('.notice');
		expect(await notices.count()).toBe(1);
		expect(await notices.first().isVisible()).toBe(true);
		// n8n renders a notice's text as HTML; the description may hold tags (links), the page shows their text
		const noticeText = setupNotice.displayName
			.replace(/<[^>]+>/g, '')
			.replace(/\s+/g, ' ')
			.trim();
		expect(await text(notices.first())).toBe(noticeText);
		expect(await text(notices.first())).toContain('Ingram Micro has no API to register webhooks');

		expect(await text(labelOf(ndv, 'events'))).toBe('Events');
		expect(await events.allTextContents()).toEqual([
			'Order Shipped',
			'Order Invoiced',
			'Order On Hold',
			'Stock Update',
		]);
		expect(await text(ndv.locator('[data-test-id="credentials-label"]'))).toContain(
			'Ingram Micro Webhook API',
		);
		expect(credential).toBe(EXAMPLE_CREDENTIALS.webhook.name);
		// the credential selector sits under the Verify Signature switch that asks for it, not above it
		const switchBox = await labelOf(ndv, 'verifySignature').boundingBox();
		const credentialBox = await ndv
			.locator('[data-test-id="node-credentials-select"]')
			.boundingBox();
		expect(credentialBox!.y).toBeGreaterThan(switchBox!.y);
		await closeNode(ndv);
	});

	test('order create: the form reads top to bottom — lines, then one named group after another', async () => {
		const node = await openWorkflow('ingramMicroOrder', 'Create order');
		const ndv = await openNode(node);
		await screenshot('editor-6-node-order-create.png');
		expect(await shownValue(ndv.locator('[data-test-id="parameter-input-operation"]'))).toBe(
			'Create',
		);
		// no price reads as 0 and no risky switch is on before the user adds it
		const parameters = ndv.locator('[data-test-id="node-parameters"]');
		expect(await text(parameters)).not.toMatch(/Unit Price\s*0/);
		await closeNode(ndv);
	});

	test('v5: a v5 node says Version 5 (Legacy) and offers only the v5 resources; a v6 node says Version 6/7 (Current)', async () => {
		const ndv = await openNode(await openWorkflow('ingramMicroV5Leg', 'Latest orders (v5)'));
		const shown = (parameter: string) =>
			shownValue(ndv.locator(`[data-test-id="parameter-input-${parameter}"]`));
		expect(await shown('apiVersion')).toBe('Version 5 (Legacy)');
		expect(await shown('resource')).toBe('Order');
		expect(await shown('operation')).toBe('Search');
		// the Resource list as the user opens it
		await ndv.locator('[data-test-id="parameter-input-resource"]').click();
		const options = page.locator('.el-select-dropdown__item:visible');
		await options.first().waitFor({ state: 'visible' });
		await screenshot('editor-7-node-v5-resources.png');
		const resources = (await options.allTextContents()).map((t) => t.trim());
		await page.keyboard.press('Escape');
		expect(resources).toEqual(['Invoice', 'Order', 'Product', 'Quote']);
		await closeNode(ndv);

		const priceNdv = await openNode(await openWorkflow(PRICE_WORKFLOW.id, PRICE_WORKFLOW.node));
		expect(await shownValue(priceNdv.locator('[data-test-id="parameter-input-apiVersion"]'))).toBe(
			'Version 6/7 (Current)',
		);
		await closeNode(priceNdv);
	});

	test('dark theme: the dark icon variant loads and both panels render', async () => {
		await page.emulateMedia({ colorScheme: 'dark' });
		const priceNode = await openWorkflow(PRICE_WORKFLOW.id, PRICE_WORKFLOW.node);
		await screenshot('editor-8-dark-canvas-price-availability.png');
		expect(await iconsIn(priceNode)).toEqual([
			{ src: expect.stringMatching(/ingramMicro\.dark\.svg$/), loaded: true },
		]);
		const priceNdv = await openNode(priceNode);
		await screenshot('editor-9-dark-node-price-availability.png');
		expect(await shownValue(priceNdv.locator('[data-test-id="parameter-input-operation"]'))).toBe(
			'Get Price and Availability',
		);
		await closeNode(priceNdv);

		const triggerNode = await openWorkflow(TRIGGER_WORKFLOW.id, TRIGGER_WORKFLOW.node);
		const triggerNdv = await openNode(triggerNode);
		await triggerNdv
			.locator('[data-test-id="parameter-input-events"]')
			.waitFor({ state: 'visible' });
		await screenshot('editor-10-dark-node-trigger.png');
		expect(await iconsIn(triggerNdv.locator('header'))).toEqual([
			{ src: expect.stringMatching(/ingramMicro\.dark\.svg$/), loaded: true },
		]);
		await closeNode(triggerNdv);
		await page.emulateMedia({ colorScheme: 'light' });
	});
});
