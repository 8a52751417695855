import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ingramMicroProperties, ingramMicroSubtitle } from './actions/properties';
import { router } from './actions/router';
import { listSearch } from './methods/listSearch';

export class IngramMicro implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ingram Micro',
		name: 'ingramMicro',
		icon: {
			light: 'file:../../icons/ingramMicro.svg',
			dark: 'file:../../icons/ingramMicro.dark.svg',
		},
		group: ['transform'],
		// 1.1: Order's default operation is Search instead of Create (see actions/order/index.ts).
		version: [1, 1.1],
		subtitle: ingramMicroSubtitle,
		description:
			'Search the catalog, price SKUs, and place and track orders, quotes, invoices and returns with the Ingram Micro XI Reseller API',
		defaults: { name: 'Ingram Micro' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ingramMicroOAuth2Api', required: true }],
		properties: ingramMicroProperties,
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
