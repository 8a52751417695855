/**
 * Queue-mode end-to-end tests (`npm run test:e2e:queue`): the packed package in n8n's queue mode —
 * Postgres, Redis, a main instance, a webhook process and two workers (test/e2e/queue). One file at
 * a time; each starts its own cluster.
 */
const base = require('./jest.e2e.config.js');

module.exports = {
	...base,
	roots: ['<rootDir>/test/e2e/queue'],
	testPathIgnorePatterns: [],
	testTimeout: 600000,
};
