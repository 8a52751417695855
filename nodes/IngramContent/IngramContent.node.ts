import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ingramContentProperties } from './actions/properties';
import { router } from './actions/router';
import { cdfConnectionTest } from './methods/credentialTest';

export class IngramContent implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ingram Content',
		name: 'ingramContent',
		icon: {
			light: 'file:../../icons/ingramContent.svg',
			dark: 'file:../../icons/ingramContent.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Send consumer book orders to Ingram Content’s Consumer Direct Fulfillment (CDF) and read its acknowledgements, shipments, invoices and inventory',
		defaults: { name: 'Ingram Content' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ingramContentCdfApi', required: true, testedBy: 'cdfConnectionTest' }],
		properties: ingramContentProperties,
	};

	methods = { credentialTest: { cdfConnectionTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
