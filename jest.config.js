/**
 * Tests run against the compiled package in dist/ (loaded the way n8n loads it), so `npm test` builds first.
 * Jest 29, not 30: Jest 30's resolver pulls platform binaries for every OS into the lock file, and where the
 * registry serves only the Linux ones `npm ci` refuses the lock.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	setupFiles: ['<rootDir>/test/setup-env.ts'],
	testTimeout: 30000,
};
