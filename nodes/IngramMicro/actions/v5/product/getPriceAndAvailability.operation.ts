import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { mapConcurrently } from '../../../../shared/concurrency';
import {
	booleanValue,
	compact,
	inputError,
	optionalText,
	positiveInteger,
	textList,
} from '../../../../shared/input';
import { errorJson, rethrowForItem } from '../../../../shared/itemErrors';
import { simplifyField } from '../../common/fields';
import {
	describeFailedChunk,
	groupPriceRequests,
	readParallelPriceRequests,
	parallelPriceRequestsOption,
	SKUS_PER_REQUEST,
	skusField,
} from '../../common/pricing';
import {
	hasUsableToken,
	isV5Failure,
	keyOf,
	v5FailureError,
	v5Identity,
	v5Request,
} from '../../../transport';
import { list, v5Description } from '../common';

const IDENTIFIERS = [
	{ name: 'Customer Part Number', value: 'customerpartnumber' },
	{ name: 'Ingram Part Number', value: 'ingrampartnumber' },
	{ name: 'UPC', value: 'upc' },
	{ name: 'Vendor Part Number', value: 'vendorpartnumber' },
] as const;

type Identifier = (typeof IDENTIFIERS)[number]['value'];

const properties: INodeProperties[] = [
	{
		displayName: 'Identify Products By',
		name: 'identifyBy',
		type: 'options',
		default: 'ingrampartnumber',
		options: [...IDENTIFIERS],
	},
	skusField,
	simplifyField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			parallelPriceRequestsOption,

			{
				displayName: 'Quantity',
				name: 'quantity',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description: 'Quantity to price',
			},
			{
				displayName: 'Show Warehouse Availability',
				name: 'showWarehouseAvailability',
				type: 'boolean',
				default: true,
				description: 'Whether to return the stock of each warehouse',
			},
			{
				displayName: 'Special Bid Number',
				name: 'specialBidNumber',
				type: 'string',
				default: '',
				description: 'A vendor special pricing bid to price against',
			},
			{
				displayName: 'Warehouse IDs',
				name: 'warehouseIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 10, 40',
				description: 'Only return availability of these warehouses. Separate several with commas.',
			},
		],
	},
];

export const description = v5Description('product', 'getPriceAndAvailability', properties);

interface PriceRequest {
	itemIndex: number;
	sku: string;
	simplify: boolean;
}

/** Items with identical settings share requests; `key` is their serialised settings. */
interface RequestGroup {
	key: string;
	identifyBy: Identifier;
	showWarehouses: boolean;
	/** Sent with every SKU of the group (v5 takes these per item). */
	itemFields: IDataObject;
	requests: PriceRequest[];
}

function readItem(
	this: IExecuteFunctions,
	itemIndex: number,
): { group: Omit<RequestGroup, 'requests' | 'key'>; requests: PriceRequest[] } {
	const node = this.getNode();
	const identifyBy = this.getNodeParameter('identifyBy', itemIndex) as Identifier;
	const skus = textList(node, itemIndex, this.getNodeParameter('skus', itemIndex, ''), 'SKUs');
	if (skus.length === 0) throw inputError(node, itemIndex, '"SKUs" is empty');
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const warehouses = textList(node, itemIndex, options.warehouseIds, 'Warehouse IDs');
	const simplify = booleanValue(
		node,
		itemIndex,
		this.getNodeParameter('simplify', itemIndex, true),
		'Simplify',
	);
	const group = {
		identifyBy,
		showWarehouses:
			options.showWarehouseAvailability === undefined
				? true
				: booleanValue(
						node,
						itemIndex,
						options.showWarehouseAvailability,
						'Show Warehouse Availability',
					),
		itemFields: compact({
			quantity:
				options.quantity === undefined
					? undefined
					: positiveInteger(node, itemIndex, options.quantity, 'Quantity'),
			specialbidnumber: optionalText(node, itemIndex, options.specialBidNumber, {
				label: 'Special Bid Number',
			}),
			warehouseidlist: warehouses.length ? warehouses : undefined,
		}),
	};
	return { group, requests: skus.map((sku) => ({ itemIndex, sku, simplify })) };
}

const skuKey = (sku: string) => sku.toUpperCase();

/**
 * One flat row per SKU: whether Ingram found it, its prices and stock, and each warehouse's stock
 * as a plain column (`warehouse10Available` …). The full line comes with Simplify off.
 */
function simplifyLine(line: IDataObject): IDataObject {
	const found = !/^fail/i.test(String(line.itemstatus ?? ''));
	const row: IDataObject = compact({
		found,
		ingramPartNumber: line.ingrampartnumber,
		vendorPartNumber: line.vendorpartnumber,
		upc: line.upc,
		customerPartNumber: line.customerpartnumber,
		vendorName: line.vendorname,
		description:
			[line.partdescription1, line.partdescription2].filter(Boolean).join(' ') || undefined,
		message: typeof line.statusmessage === 'string' ? line.statusmessage.trim() : undefined,
	});
	if (!found) return row;
	Object.assign(
		row,
		compact({
			customerPrice: line.customerprice,
			retailPrice: line.retailprice,
			skuStatus: line.skustatus,
			backOrderAllowed: line.backorderflag === undefined ? undefined : line.backorderflag === 'Y',
		}),
	);
	const warehouses = list(line.warehousedetails);
	if (warehouses.length) {
		row.totalAvailability = warehouses.reduce(
			(sum, w) => sum + (Number(w.availablequantity) || 0),
			0,
		);
		for (const w of warehouses)
			row[`warehouse${String(w.warehouseid)}Available`] = w.availablequantity;
	}
	return row;
}

const ADVICE =
	'Check the SKUs, and the Customer Number and Country Code of the Ingram Micro credential.';

export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const results = new Map<number, INodeExecutionData[]>();
	const fail = (itemIndex: number, error: unknown) => {
		if (!this.continueOnFail()) rethrowForItem.call(this, error, itemIndex);
		results.set(itemIndex, [{ json: errorJson(error), pairedItem: { item: itemIndex } }]);
	};

	// 1. Read and check every item before sending anything.
	const groups = groupPriceRequests(
		items.length,
		(itemIndex) => readItem.call(this, itemIndex),
		fail,
	);
	if (groups.size === 0) return [...results.values()].flat();

	const parallelRequests = readParallelPriceRequests.call(this);
	const { customerNumber, countryCode } = await v5Identity.call(this);

	// 2. Price each distinct SKU once, 50 per request, several requests at a time.
	for (const group of groups.values()) {
		const distinct = [...new Map(group.requests.map((r) => [skuKey(r.sku), r.sku])).values()];
		const answers = new Map<string, IDataObject>();
		const priceChunk = async (skus: string[]) => {
			const keys = new Set(skus.map(skuKey));
			const affected = group.requests.filter((r) => keys.has(skuKey(r.sku)));
			const firstItem = affected[0]?.itemIndex ?? 0;
			try {
				const { content, status } = await v5Request.call(
					this,
					{
						method: 'POST',
						path: '/Catalog/priceandavailability',
						body: {
							servicerequest: {
								requestpreamble: { customernumber: customerNumber, isocountrycode: countryCode },
								priceandstockrequest: {
									showwarehouseavailability: group.showWarehouses ? 'True' : 'False',
									item: skus.map((sku) => ({ [group.identifyBy]: sku, ...group.itemFields })),
								},
							},
						},
						// Pricing reads data and changes nothing, so it may be retried.
						retry: 'retry',
						envelope: 'serviceresponse',
						advice: ADVICE,
						// When Ingram answers line by line, each line carries its own status (below).
						isEmptyResult: () => true,
					},
					firstItem,
				);
				const lines = list(keyOf(content.priceandstockresponse, 'details'));
				if (isV5Failure(status) && lines.length === 0)
					throw v5FailureError(this.getNode(), status!, firstItem, ADVICE);
				// Ingram reports an account it does not know on every line ("E-INVALID CUSTOMER NUMBER"):
				// that is the credential's problem, not the SKUs', so it fails the node, not each SKU.
				const accountRefused = (line: IDataObject) =>
					/^fail/i.test(String(line.itemstatus ?? '')) &&
					/invalid customer/i.test(String(line.statusmessage ?? ''));
				if (isV5Failure(status) && lines.every(accountRefused))
					throw v5FailureError(
						this.getNode(),
						{ ...status!, message: String(lines[0].statusmessage).trim() },
						firstItem,
						'Ingram Micro does not know the Customer Number and Country Code of the Ingram Micro credential: correct them (they must name the account the Client ID belongs to).',
					);
				// v5 answers one line per item, in request order; an echoed part number must agree.
				skus.forEach((sku, position) => {
					const line = lines[position];
					const echoed = line?.[group.identifyBy];
					const matches = line && (typeof echoed !== 'string' || skuKey(echoed) === skuKey(sku));
					answers.set(
						skuKey(sku),
						matches
							? line
							: {
									itemstatus: 'FAILED',
									statusmessage: 'Ingram Micro returned no answer for this SKU',
								},
					);
				});
			} catch (error) {
				describeFailedChunk(
					error,
					skus,
					affected.map((r) => r.itemIndex),
				);
				for (const request of affected) {
					if (!results.has(request.itemIndex)) fail(request.itemIndex, error);
				}
			}
		};
		const chunks = Array.from({ length: Math.ceil(distinct.length / SKUS_PER_REQUEST) }, (_, n) =>
			distinct.slice(n * SKUS_PER_REQUEST, (n + 1) * SKUS_PER_REQUEST),
		);
		// Without a stored token, the first request goes alone: it fetches the token the others share.
		if (chunks.length > 1 && !(await hasUsableToken.call(this))) await priceChunk(chunks.shift()!);
		await mapConcurrently(chunks, parallelRequests, priceChunk);

		// 3. One output item per requested SKU, paired with the item that asked for it.
		for (const request of group.requests) {
			if (results.get(request.itemIndex)?.some((r) => r.json.error !== undefined)) continue;
			const answer = answers.get(skuKey(request.sku));
			if (!answer) continue;
			const json = request.simplify ? simplifyLine(answer) : { ...answer };
			// A not-found line may not echo the SKU: keep what was asked for.
			const echoKey = request.simplify ? identifierColumn(group.identifyBy) : group.identifyBy;
			if (!json[echoKey]) json[echoKey] = request.sku;
			const outputs = results.get(request.itemIndex) ?? [];
			outputs.push({ json, pairedItem: { item: request.itemIndex } });
			results.set(request.itemIndex, outputs);
		}
	}

	return [...results.keys()]
		.sort((a, b) => a - b)
		.flatMap((itemIndex) => results.get(itemIndex) ?? []);
}

/** The simplified row's column for an identifier (camel case, like v6's output). */
const identifierColumn = (identifyBy: Identifier) =>
	({
		ingrampartnumber: 'ingramPartNumber',
		vendorpartnumber: 'vendorPartNumber',
		upc: 'upc',
		customerpartnumber: 'customerPartNumber',
	})[identifyBy];
