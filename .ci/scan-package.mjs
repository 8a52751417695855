// Runs the checks of n8n's community package scanner (@n8n/scan-community-package, the gate for
// verified community nodes) on this checkout: the source leg (package.json, nodes/, credentials/)
// and the published leg (what `npm pack` ships: dist/**/*.js and package.json), with inline
// eslint-disable comments ignored as the scanner does. Needs a build (dist/) first.
import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = new URL('..', import.meta.url).pathname;
let failed = false;
for (const [leg, patterns] of [
	['source', SOURCE_FILE_PATTERNS],
	['published files', ['dist/**/*.js', 'package.json']],
]) {
	const result = await analyzePackage(root, patterns);
	console.log(
		`n8n community package scan, ${leg}: ${result.passed ? 'passed' : `FAILED (${result.message})`}`,
	);
	if (!result.passed) {
		failed = true;
		if (result.details) console.log(result.details);
	}
}
process.exitCode = failed ? 1 : 0;
