import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import {
	accountSettings,
	CdfTransferError,
	connectionSettings,
	withCdfSession,
	type CdfStep,
} from '../transport';

const STEP: Partial<Record<CdfStep, string>> = {
	connect: 'Step 1 of 4 (connect) failed',
	hostKey: 'Step 2 of 4 (host key check) failed',
	certificate: 'Step 2 of 4 (certificate check) failed',
	login: 'Step 3 of 4 (login) failed',
	folder: 'Step 4 of 4 (list the incoming folder) failed',
};

/**
 * The credential's Test button: connect, check the host key (SFTP) or certificate (FTPS), log in,
 * list the incoming folder. The message names the step that failed.
 */
export async function cdfConnectionTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const settings = connectionSettings(data);
	const account = accountSettings(data);
	if (!settings.username) return { status: 'Error', message: 'Enter the Username' };
	try {
		const files = await withCdfSession(settings, async (session) =>
			(await session.list(account.folders.incoming)).filter((file) => file.isFile),
		);
		return {
			status: 'OK',
			message: `Connected to ${settings.host} as ${settings.username} over ${settings.protocol.toUpperCase()}; the folder “${account.folders.incoming}” has ${files.length} file(s)`,
		};
	} catch (error) {
		if (!(error instanceof CdfTransferError)) {
			return {
				status: 'Error',
				message: `The connection test failed: ${(error as Error).message}`,
			};
		}
		return {
			status: 'Error',
			message: `${STEP[error.step] ?? `Step ${error.step} failed`}: ${error.message}. ${error.description.split('\n')[0]}`,
		};
	}
}
