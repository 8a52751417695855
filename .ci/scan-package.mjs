// Runs the checks of n8n's community package scanner (@n8n/scan-community-package, the gate for
// verified community nodes) on this checkout: the source leg (package.json, nodes/, credentials/)
// and the published leg (what `npm pack` ships: dist/**/*.js and package.json), with inline
// eslint-disable comments ignored as the scanner does. Needs a build (dist/) first.
//
// One deliberate exception, and only it, is accepted: the CDF transport's file-transfer libraries.
// The package targets self-hosted n8n, and SFTP/FTP cannot be done without them, so
// - package.json may have runtime dependencies, exactly `ssh2` and `basic-ftp`;
// - only nodes/IngramContent/transport/{sftp,ftp} may import them (and Node's `stream`, which
//   basic-ftp's API takes).
// Any other finding fails the scan, as it would fail n8n's.
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import glob from 'fast-glob';
import {
	buildScanConfig,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = new URL('..', import.meta.url).pathname;
const RUNTIME_DEPENDENCIES = ['basic-ftp', 'ssh2'];
const TRANSPORT_FILES = /^(dist\/)?nodes\/IngramContent\/transport\/(sftp|ftp)\.(ts|js)$/;
const TRANSPORT_MODULES = /^(Import|Require) of '(ssh2|basic-ftp|stream)' is not allowed/;

const dependencies = Object.keys(
	JSON.parse(readFileSync(`${root}package.json`, 'utf8')).dependencies ?? {},
).sort();

function accepted(file, message) {
	if (message.ruleId === '@n8n/community-nodes/no-runtime-dependencies') {
		return (
			file === 'package.json' &&
			JSON.stringify(dependencies) === JSON.stringify(RUNTIME_DEPENDENCIES)
		);
	}
	if (message.ruleId === '@n8n/community-nodes/no-restricted-imports') {
		return TRANSPORT_FILES.test(file) && TRANSPORT_MODULES.test(message.message);
	}
	return false;
}

const eslint = new ESLint({
	cwd: root,
	allowInlineConfig: false,
	overrideConfigFile: true,
	overrideConfig: await buildScanConfig(),
});
let failed = false;
for (const [leg, patterns] of [
	['source', SOURCE_FILE_PATTERNS],
	['published files', ['dist/**/*.js', 'package.json']],
]) {
	const files = glob.sync(patterns, {
		cwd: root,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	const results = await eslint.lintFiles(files);
	const exceptions = [];
	const violations = [];
	for (const result of results) {
		const file = result.filePath.slice(root.length);
		for (const message of result.messages.filter((m) => m.severity === 2)) {
			(accepted(file, message) ? exceptions : violations).push(
				`${file}:${message.line}:${message.column} ${message.message} (${message.ruleId ?? 'parse'})`,
			);
		}
	}
	console.log(
		`n8n community package scan, ${leg}: ${violations.length ? `FAILED (${violations.length} violation(s))` : 'passed'}; ${exceptions.length} accepted exception(s) for the CDF transport`,
	);
	for (const line of exceptions) console.log(`  accepted: ${line}`);
	for (const line of violations) console.log(`  ${line}`);
	if (violations.length) failed = true;
}
process.exitCode = failed ? 1 : 0;
