import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { booleanValue, compact, optionalText, positiveInteger } from '../../../../shared/input';
import { simplifyField } from '../../common/fields';
import {
	parallelPriceRequestsOption,
	priceItems,
	readPricedItem,
	skusField,
	type SkuRequest,
} from '../../common/pricing';
import { isV5Failure, keyOf, v5FailureError, v5Identity, v5Request } from '../../../transport';
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

/** What an item's SKUs are priced with; items with identical settings share requests. */
interface PriceSettings {
	identifyBy: Identifier;
	showWarehouses: boolean;
	/** Sent with every SKU of the group (v5 takes these per item). */
	itemFields: IDataObject;
}

function readItem(
	this: IExecuteFunctions,
	itemIndex: number,
): { group: PriceSettings; requests: SkuRequest[] } {
	const { node, identifyBy, skus, options, warehouses, simplify } = readPricedItem<Identifier>(
		this,
		itemIndex,
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
	// read once, when the first request is made (not at all if no item can be priced)
	let identity: ReturnType<typeof v5Identity> | undefined;
	return await priceItems(this, items.length, {
		readItem: (itemIndex: number) => readItem.call(this, itemIndex),
		keyOf: (request) => skuKey(request.sku),
		price: async (group, chunk, firstItem) => {
			const { customerNumber, countryCode } = await (identity ??= v5Identity.call(this));
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
								item: chunk.map((r) => ({ [group.identifyBy]: r.sku, ...group.itemFields })),
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
			return new Map(
				chunk.map((request, position) => {
					const line = lines[position];
					const echoed = line?.[group.identifyBy];
					const matches =
						line && (typeof echoed !== 'string' || skuKey(echoed) === skuKey(request.sku));
					return [
						skuKey(request.sku),
						matches
							? line
							: {
									itemstatus: 'FAILED',
									statusmessage: 'Ingram Micro returned no answer for this SKU',
								},
					];
				}),
			);
		},
		output: (group, request, answer) => {
			const json = request.simplify ? simplifyLine(answer) : { ...answer };
			// A not-found line may not echo the SKU: keep what was asked for.
			const echoKey = request.simplify ? identifierColumn(group.identifyBy) : group.identifyBy;
			if (!json[echoKey]) json[echoKey] = request.sku;
			return json;
		},
	});
}

/** The simplified row's column for an identifier (camel case, like v6's output). */
const identifierColumn = (identifyBy: Identifier) =>
	({
		ingrampartnumber: 'ingramPartNumber',
		vendorpartnumber: 'vendorPartNumber',
		upc: 'upc',
		customerpartnumber: 'customerPartNumber',
	})[identifyBy];
