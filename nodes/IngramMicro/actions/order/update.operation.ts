import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, inputError, optionalText } from '../../../shared/input';
import { xiRequest, type XiResponse } from '../../transport';
import { SHIP_TO, addressCollection } from '../common/addresses';
import { additionalAttributesField, readAdditionalAttributes } from '../common/fields';
import { linesProperties, readLines, type LinesSpec } from '../common/lines';
import {
	orderNumberLocator,
	readAddresses,
	readOrderNumber,
	readSandboxTesting,
	rejectedLines,
	sandboxTestingField,
} from './fields';

const CHANGES = ['ADD', 'UPDATE', 'DELETE'];

const LINES: LinesSpec = {
	noun: 'Line',
	fields: [
		{ name: 'addUpdateDeleteLine', displayName: 'Change', kind: 'string', required: true },
		{
			name: 'ingramLineNumber',
			displayName: 'Ingram Line Number',
			kind: 'string',
			maxLength: 6,
			placeholder: 'e.g. 003',
			description: 'The line to update or delete (from Get)',
		},
		{
			name: 'customerLineNumber',
			displayName: 'Customer Line Number',
			kind: 'string',
			maxLength: 6,
		},
		{
			name: 'ingramPartNumber',
			displayName: 'Ingram Part Number',
			kind: 'string',
			maxLength: 18,
			placeholder: 'e.g. DF4128',
			description: 'Needed to add a line',
		},
		{ name: 'quantity', displayName: 'Quantity', kind: 'integer' },
		{ name: 'notes', displayName: 'Notes', kind: 'string', maxLength: 132 },
	],
	jsonExample: '[{"addUpdateDeleteLine": "UPDATE", "ingramLineNumber": "003", "quantity": 2}]',
	required: false,
};

/** The line fields, with "Change" as a dropdown rather than free text. */
const lineProperties = linesProperties(LINES).map((property) => {
	if (property.name !== 'lines') return property;
	const [line] = property.options as Array<{
		name: string;
		displayName: string;
		values: INodeProperties[];
	}>;
	const values = line.values.map((value) =>
		value.name === 'addUpdateDeleteLine'
			? {
					...value,
					type: 'options' as const,
					default: 'ADD',
					options: [
						{ name: 'Add', value: 'ADD' },
						{ name: 'Delete', value: 'DELETE' },
						{ name: 'Update', value: 'UPDATE' },
					],
				}
			: value,
	);
	return { ...property, options: [{ ...line, values }] };
});

/** Order modify takes a tighter Ship-To than order create (spec `OrderModifyRequest`). */
const MODIFY_SHIP_TO_LIMITS: Record<string, [string, number]> = {
	contact: ['Contact Name', 40],
	addressLine1: ['Address Line 1', 60],
	addressLine2: ['Address Line 2', 40],
	addressLine3: ['Address Line 3', 40],
	countryCode: ['Country Code', 3],
};

const properties: INodeProperties[] = [
	orderNumberLocator(
		'The order to change. It must have been placed with "Allow Order On Customer Hold", less than 24 hours ago.',
	),
	{
		displayName: 'Release Order',
		name: 'releaseOrder',
		type: 'boolean',
		default: false,
		description:
			'Whether to release the order from customer hold to the warehouse after the changes. A released order can no longer be changed or cancelled.',
	},
	...lineProperties,
	addressCollection(SHIP_TO),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			additionalAttributesField,
			{
				displayName: 'Notes',
				name: 'notes',
				type: 'string',
				default: '',
				description: 'Order-level notes, at most 132 characters',
			},
		],
	},
	sandboxTestingField('regionOnly'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const orderNumber = readOrderNumber.call(this, itemIndex);
	const release = this.getNodeParameter('releaseOrder', itemIndex, false) as boolean;
	const updateFields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;

	const lines = readLines.call(this, itemIndex, LINES).map((line, index) => {
		const change = String(line.addUpdateDeleteLine).toUpperCase();
		const where = `Line ${index + 1}`;
		if (!CHANGES.includes(change)) {
			throw inputError(
				node,
				itemIndex,
				`${where}: "Change" must be ADD, UPDATE or DELETE (got "${String(line.addUpdateDeleteLine)}")`,
			);
		}
		if (change === 'ADD' && (line.ingramPartNumber === undefined || line.quantity === undefined)) {
			throw inputError(
				node,
				itemIndex,
				`${where}: adding a line needs "Ingram Part Number" and "Quantity"`,
			);
		}
		if (change !== 'ADD' && line.ingramLineNumber === undefined) {
			throw inputError(
				node,
				itemIndex,
				`${where}: "Ingram Line Number" is required to ${change.toLowerCase()} a line`,
			);
		}
		return { ...line, addUpdateDeleteLine: change };
	});

	const { shipToInfo } = readAddresses.call(this, itemIndex, [SHIP_TO]);
	for (const [key, [label, maxLength]] of Object.entries(MODIFY_SHIP_TO_LIMITS)) {
		optionalText(node, itemIndex, shipToInfo?.[key], { label: `Ship-To › ${label}`, maxLength });
	}
	const attributes = readAdditionalAttributes(
		this.getNode(),
		itemIndex,
		updateFields.additionalAttributes,
	);
	const changes = compact({
		notes: optionalText(node, itemIndex, updateFields.notes, { label: 'Notes', maxLength: 132 }),
		shipToInfo,
		lines: lines.length ? lines : undefined,
		additionalAttributes: attributes.length ? attributes : undefined,
	});
	if (!release && Object.keys(changes).length === 0) {
		throw inputError(
			node,
			itemIndex,
			'Nothing to update: add lines, a Ship-To, notes or attributes, or turn on "Release Order"',
		);
	}

	// The spec requires a body and n8n drops an empty one, so a bare release says "no line changes".
	const body = Object.keys(changes).length ? changes : { lines: [] };
	const qs = compact({
		actionCode: release ? 'release' : undefined,
		...readSandboxTesting.call(this, itemIndex),
	});
	// Sent once: a repeated ADD would add the line twice.
	const response = (await xiRequest.call(
		this,
		{
			method: 'PUT',
			path: `/resellers/v6/orders/${encodeURIComponent(orderNumber)}`,
			qs,
			body,
			retry: 'sendOnce',
		},
		itemIndex,
	)) as XiResponse<IDataObject | undefined>;

	const answer = response.body && typeof response.body === 'object' ? response.body : {};
	const rejected = rejectedLines(answer);
	// 207: Ingram applied part of the change, e.g. valid lines but an invalid address.
	const partial = response.statusCode === 207 || rejected.length > 0;
	return {
		status: partial ? 'partial' : 'accepted',
		released: release,
		...(partial
			? {
					message: `Ingram Micro applied only part of the change${answer.changeDescription ? `: ${String(answer.changeDescription)}` : ''}`,
				}
			: {}),
		ingramOrderNumber: orderNumber,
		...answer,
		...(rejected.length ? { rejectedLineItems: rejected } : {}),
	};
}
