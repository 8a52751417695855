/**
 * The compatibility smoke test on the previous n8n major (`npm run test:e2e:n8n1`): n8n 1.x on
 * Node 20 (fetched from the npm registry like Node 24), the packed package installed the community
 * way, one example per node (test/e2e/n8n1).
 */
const base = require('./jest.e2e.config.js');

module.exports = {
	...base,
	roots: ['<rootDir>/test/e2e/n8n1'],
	testPathIgnorePatterns: [],
	testTimeout: 600000,
};
