import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredText } from '../../../shared/input';
import { xiRequest } from '../../transport';
import { idLocator } from '../common/fields';

// No Simplify: a return is already short (status, reason, products, totals) and all of it is useful.
const properties: INodeProperties[] = [
	idLocator({
		name: 'caseRequestNumber',
		displayName: 'Case Request Number',
		placeholder: 'e.g. CAS-08946-G1W3J3-1',
		description:
			'The return request number Ingram Micro gave when the return was created. ' +
			'In the list, type a case request number, an invoice number or your reference to find it.',
		listSearch: 'searchReturns',
	}),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['return'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const caseRequestNumber = requiredText.call(this, 'caseRequestNumber', itemIndex, {
		label: 'Case Request Number',
	});
	const { body } = await xiRequest.call(
		this,
		{
			method: 'GET',
			path: `/resellers/v6/returns/${encodeURIComponent(caseRequestNumber)}`,
			retry: 'retry',
		},
		itemIndex,
	);
	return (body ?? {}) as IDataObject;
}
