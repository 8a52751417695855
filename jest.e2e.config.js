/**
 * End-to-end tests (`npm run test:e2e`): the packed package in a real n8n server, started from
 * test/e2e. They run one file at a time (each starts its own n8n) with long timeouts, since a
 * fresh server needs seconds to start and the first run installs n8n into the cache.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	// queue mode (npm run test:e2e:queue) and n8n 1.x (npm run test:e2e:n8n1) have their own runs
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/queue/', '/test/e2e/n8n1/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
	globalTeardown: '<rootDir>/test/e2e/globalTeardown.ts',
	maxWorkers: 1,
	testTimeout: 300000,
	slowTestThreshold: 60,
};
