import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { ingramMicroDescription } from './actions/node.description';
import { router } from './actions/router';

export class IngramMicro implements INodeType {
	description: INodeTypeDescription = ingramMicroDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
