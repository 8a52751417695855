import type { IExecuteFunctions } from 'n8n-workflow';

import { isDryRun, RequestWithheld } from '../../shared/dryRun';
import { withCdfSession, type CdfConnectionSettings, type CdfSession } from '../transport';

/**
 * A connection to the CDF host for one operation. In the item loop's dry run (every item's input
 * checked before anything happens) nothing connects: reading files can delete or move them.
 */
export async function withHostSession<T>(
	context: IExecuteFunctions,
	settings: CdfConnectionSettings,
	work: (session: CdfSession) => Promise<T>,
): Promise<T> {
	if (isDryRun(context)) {
		throw new RequestWithheld(
			context.getNode(),
			'The connection to the CDF host is withheld in the dry run',
		);
	}
	return await withCdfSession(settings, work);
}
