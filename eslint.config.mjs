// Mirrors the config @n8n/node-cli ships (and the rule sets n8n's community-package scanner runs):
// community-nodes recommended everywhere, n8n-nodes-base community rules on package.json,
// credentials rules on credentials/, nodes rules on nodes/.
import js from '@eslint/js';
import n8nCommunityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import jsoncParser from 'jsonc-eslint-parser';
import tseslint from 'typescript-eslint';

const communityRecommended = n8nCommunityNodes.configs.recommended;

export default tseslint.config(
	{
		ignores: [
			'dist/**',
			'node_modules/**',
			'coverage/**',
			'gulpfile.js',
			'jest.config.js',
			'jest.e2e.config.js',
		],
	},
	{
		files: ['**/*.ts'],
		extends: [js.configs.recommended, ...tseslint.configs.recommended, communityRecommended],
		rules: { 'no-console': 'error' },
	},
	{
		// The E2E tests and the playground drive n8n from outside (child processes, files, the
		// console): the rules for code that runs inside n8n do not apply to them.
		files: ['test/e2e/**/*.ts'],
		rules: {
			...Object.fromEntries(Object.keys(communityRecommended.rules).map((rule) => [rule, 'off'])),
			'no-console': 'off',
		},
	},
	{
		// The CDF transport is the only code that may import the file-transfer libraries (the
		// package's only runtime dependencies) and the Node stream module their APIs take. Every
		// other import stays forbidden there, as the community-node rule forbids it everywhere else.
		files: ['nodes/IngramContent/transport/sftp.ts', 'nodes/IngramContent/transport/ftp.ts'],
		rules: {
			'@n8n/community-nodes/no-restricted-imports': 'off',
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '^(?!(ssh2|basic-ftp|stream|crypto|n8n-workflow)$)(?!\\.)',
							message: 'The CDF transport may import only ssh2, basic-ftp and stream.',
						},
					],
				},
			],
		},
	},
	{
		files: ['package.json'],
		languageOptions: { parser: jsoncParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase, ...communityRecommended.plugins },
		rules: { ...n8nNodesBase.configs.community.rules, ...communityRecommended.rules },
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
);
