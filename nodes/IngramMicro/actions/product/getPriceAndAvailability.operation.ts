import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { booleanValue, compact, optionalText, positiveInteger } from '../../../shared/input';
import {
	parallelPriceRequestsOption,
	priceItems,
	readPricedItem,
	slices,
	SKUS_PER_REQUEST,
	skusField,
	type SkuRequest,
} from '../common/pricing';
import { xiRequest } from '../../transport';
import {
	additionalAttributesField,
	readAdditionalAttributes,
	simplifyField,
} from '../common/fields';

const IDENTIFIERS = [
	{ name: 'Customer Part Number', value: 'customerPartNumber' },
	{ name: 'Ingram Part Number', value: 'ingramPartNumber' },
	{ name: 'Plan ID', value: 'planID', description: 'A subscription plan' },
	{ name: 'UPC', value: 'upc' },
	{ name: 'Vendor Part Number', value: 'vendorPartNumber' },
] as const;

type Identifier = (typeof IDENTIFIERS)[number]['value'];

const properties: INodeProperties[] = [
	{
		displayName: 'Identify Products By',
		name: 'identifyBy',
		type: 'options',
		default: 'ingramPartNumber',
		options: [...IDENTIFIERS],
	},
	skusField,
	{
		displayName: 'Include Pricing',
		name: 'includePricing',
		type: 'boolean',
		default: true,
		description: 'Whether to return your price, the retail price and the MAP price',
	},
	{
		displayName: 'Include Availability',
		name: 'includeAvailability',
		type: 'boolean',
		default: true,
		description: 'Whether to return stock, in total and per warehouse',
	},
	simplifyField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ ...additionalAttributesField },
			{
				displayName: 'Include Product Attributes',
				name: 'includeProductAttributes',
				type: 'boolean',
				default: false,
				description: 'Whether to return the detailed product attributes',
			},
			parallelPriceRequestsOption,

			{
				displayName: 'Quantity Requested',
				name: 'quantityRequested',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description: 'Quantity to price, for quantity-break discounts',
			},
			{
				displayName: 'Show Available Discounts',
				name: 'showAvailableDiscounts',
				type: 'boolean',
				default: false,
				description: 'Whether to return special pricing and quantity discounts',
			},
			{
				displayName: 'Show Reserve Inventory',
				name: 'showReserveInventoryDetails',
				type: 'boolean',
				default: false,
				description: 'Whether to return inventory reserved for you',
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

export const description = updateDisplayOptions(
	{ show: { resource: ['product'], operation: ['getPriceAndAvailability'] } },
	properties,
);

/** One SKU (with the item's Quantity Requested) asked for by one input item. */
interface PriceRequest extends SkuRequest {
	quantity?: number;
}

/** What an item's SKUs are priced with; items with identical settings share requests. */
interface PriceSettings {
	identifyBy: Identifier;
	qs: IDataObject;
	body: IDataObject;
}

function readItem(
	this: IExecuteFunctions,
	itemIndex: number,
): { group: PriceSettings; requests: PriceRequest[] } {
	const { node, identifyBy, skus, options, warehouses, simplify } = readPricedItem<Identifier>(
		this,
		itemIndex,
	);
	const quantity =
		options.quantityRequested === undefined
			? undefined
			: positiveInteger(node, itemIndex, options.quantityRequested, 'Quantity Requested');
	const attributes = readAdditionalAttributes(node, itemIndex, options.additionalAttributes);
	return {
		group: {
			identifyBy,
			qs: compact({
				includePricing: booleanValue(
					node,
					itemIndex,
					this.getNodeParameter('includePricing', itemIndex, true),
					'Include Pricing',
				),
				includeAvailability: booleanValue(
					node,
					itemIndex,
					this.getNodeParameter('includeAvailability', itemIndex, true),
					'Include Availability',
				),
				includeProductAttributes: options.includeProductAttributes as boolean | undefined,
			}),
			body: compact({
				showAvailableDiscounts: options.showAvailableDiscounts as boolean | undefined,
				showReserveInventoryDetails: options.showReserveInventoryDetails as boolean | undefined,
				specialBidNumber: optionalText(node, itemIndex, options.specialBidNumber, {
					label: 'Special Bid Number',
				}),
				availabilityByWarehouse: warehouses.length
					? warehouses.map((id) => ({
							availabilityByWarehouseId: id,
							availabilityForAllLocation: false,
						}))
					: undefined,
				additionalAttributes: attributes.length ? attributes : undefined,
			}),
		},
		requests: skus.map((sku) => ({ itemIndex, sku, quantity, simplify })),
	};
}

const skuKey = (sku: string, quantity?: number) => `${sku.toUpperCase()}\u0000${quantity ?? ''}`;

const identifierOf = (identifyBy: Identifier, answer: IDataObject | undefined): string => {
	const id = answer?.[identifyBy] ?? (identifyBy === 'planID' ? answer?.planId : undefined);
	return typeof id === 'string' ? id.trim().toUpperCase() : '';
};

/**
 * Matches each answer to what was asked. A request never holds the same SKU twice (see
 * `requestChunks`), so the identifier decides; position (answers come in request order) is used
 * only for an answer that carries no identifier at all, never to hand out another SKU's answer.
 */
function matchAnswers(
	identifyBy: Identifier,
	asked: Array<{ sku: string }>,
	answers: IDataObject[],
) {
	const byIdentifier = new Map<string, IDataObject>();
	for (const answer of answers) {
		const id = identifierOf(identifyBy, answer);
		if (id) byIdentifier.set(id, answer);
	}
	return asked.map(
		(entry, position) =>
			byIdentifier.get(entry.sku.toUpperCase()) ??
			(identifierOf(identifyBy, answers[position]) === '' ? answers[position] : undefined),
	);
}

/**
 * Splits the distinct (SKU, quantity) pairs into requests of at most 50 in which no SKU appears
 * twice: Ingram's answers do not echo the quantity, so two quantities of one SKU go in separate
 * requests.
 */
function requestChunks<T extends { sku: string }>(asked: T[]): T[][] {
	const rounds: T[][] = [];
	const seen = new Map<string, number>();
	for (const entry of asked) {
		const key = entry.sku.toUpperCase();
		const round = seen.get(key) ?? 0;
		seen.set(key, round + 1);
		(rounds[round] ??= []).push(entry);
	}
	return rounds.flatMap((round) => slices(round, SKUS_PER_REQUEST));
}

const IDENTITY_FIELDS = [
	'ingramPartNumber',
	'vendorPartNumber',
	'customerPartNumber',
	'upc',
	'vendorName',
	'description',
];
const PRICE_FIELDS = ['currencyCode', 'customerPrice', 'retailPrice', 'mapPrice'];

const earliest = (dates: string[]) => dates.filter(Boolean).sort()[0];

/**
 * One flat row per SKU that reads well in n8n's table view: whether Ingram found it, its prices,
 * its total stock and, as plain columns, the stock of each warehouse (`warehouse10Available` …).
 * The full answer (warehouse names, back-order details, discounts) comes with Simplify off.
 */
function simplifyAnswer(answer: IDataObject): IDataObject {
	const found = answer.productStatusCode !== 'E';
	const row: IDataObject = { found };
	for (const key of IDENTITY_FIELDS)
		if (answer[key] !== undefined && answer[key] !== null) row[key] = answer[key];
	if (typeof answer.productStatusMessage === 'string' && answer.productStatusMessage.trim()) {
		row.message = answer.productStatusMessage.trim();
	}
	if (!found) return row;
	const pricing = (answer.pricing ?? {}) as IDataObject;
	for (const key of PRICE_FIELDS) if (pricing[key] !== undefined) row[key] = pricing[key];
	const availability = answer.availability as IDataObject | undefined;
	if (availability) {
		row.available = availability.available;
		row.totalAvailability = availability.totalAvailability;
		const warehouses = (availability.availabilityByWarehouse ?? []) as IDataObject[];
		for (const warehouse of warehouses) {
			row[`warehouse${String(warehouse.warehouseId)}Available`] = warehouse.quantityAvailable;
		}
		const eta = earliest(warehouses.map((w) => String(w.quantityBackorderedEta ?? '')));
		if (eta) row.nextBackOrderArrival = eta;
	}
	if (Array.isArray(answer.discounts) && answer.discounts.length) row.hasDiscounts = true;
	return row;
}

export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await priceItems(this, items.length, {
		readItem: (itemIndex: number) => readItem.call(this, itemIndex),
		keyOf: (request) => skuKey(request.sku, request.quantity),
		chunks: requestChunks,
		price: async (group, chunk, firstItem) => {
			const { body } = await xiRequest.call(
				this,
				{
					method: 'POST',
					path: '/resellers/v6/catalog/priceandavailability',
					qs: group.qs,
					body: {
						...group.body,
						products: chunk.map((entry) =>
							compact({
								[group.identifyBy]: entry.sku,
								quantityRequested:
									entry.quantity === undefined ? undefined : String(entry.quantity),
							}),
						),
					},
					// Pricing reads data and changes nothing, so it may be retried.
					retry: 'retry',
				},
				firstItem,
			);
			const answers = matchAnswers(
				group.identifyBy,
				chunk,
				(Array.isArray(body) ? body : []) as IDataObject[],
			);
			return new Map(
				chunk.map((entry, position) => [
					skuKey(entry.sku, entry.quantity),
					answers[position] ?? {
						productStatusCode: 'E',
						productStatusMessage: 'Ingram Micro returned no answer for this SKU',
					},
				]),
			);
		},
		output: (group, request, answer) => {
			const json = request.simplify ? simplifyAnswer(answer) : { ...answer };
			// A not-found answer may not echo the SKU: keep what was asked for.
			if (!json[group.identifyBy]) json[group.identifyBy] = request.sku;
			return json;
		},
	});
}
