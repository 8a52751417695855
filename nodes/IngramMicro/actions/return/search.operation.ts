import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, textList } from '../../../shared/input';
import {
	filtersCollection,
	rangeFilterOptions,
	readRangeFilter,
	readSort,
	readTextFilters,
	returnAllOrLimit,
	searchWithLimit,
	sortCollection,
	textFilterOptions,
	type RangeFilter,
	type TextFilter,
} from '../common/fields';

const STATUSES: INodePropertyOptions[] = [
	'Approved',
	'Denied',
	'Open',
	'Partially Approved',
	'Voided',
].map((s) => ({
	name: s,
	value: s,
}));

/**
 * The pre-defined return reasons, as the spec lists them (its values, including the space in
 * "(CS )" that return details also show). Ingram's own "test" entry is left out. "(DT1) … billed,
 * not shipped." contains a comma, which Ingram's comma-separated filter cannot carry unambiguously.
 */
const RETURN_REASONS: INodePropertyOptions[] = [
	'(AR) Account Receivables',
	'(BB) Buy Back',
	'(BE) Stock Balance Exception',
	'(BO) Bill Only',
	'(CE) Credit Dept Use - Credit Exception',
	'(CF) Configuration Fee',
	'(CS ) Customer Service Discretion',
	'(CS1) Customer Service Discretion CS Error',
	'(DE) Defective Exception',
	'(DF) Defective Items',
	'(DI) Direct Credit',
	'(DM) Damaged from Carrier',
	'(DN) Damaged Without Product',
	'(DT) Direct/ Special Order',
	'(DT1) Direct Ship billed, not shipped.',
	'(EW) Express Warehousing',
	'(FO) Freight Out',
	'(FS) Warehouse Failed Serial# Capture',
	'(FX) No-Scan',
	'(IN) Incomplete',
	'(LS) Lost Shipment',
	'(MN) Minimum Order Fee Credit',
	'(OS) Over Shipment',
	'(PR) Pricing Error',
	'(RF) Refusal Credit',
	'(RI) Re-Invoice',
	'(RP) Return For Repair',
	'(RT) Return Not Credited',
	'(RTD) RCN',
	'(SB) Stock Balance',
	'(SD) Sales Discretion',
	'(SH) Incorrect Shipping And Handling',
	'(SS) Short Shipment',
	'(SSK) Short Ship kit',
	'(SW) Sales Writeoff',
	'(TE) Opened Return',
	'(TR) Training Refund',
	'(TX) Tax Credit',
	'(WS) Wrong Sales Sealed',
	'(WW) Wrong Warehouse',
	'ITAD - Trade-in Credit',
	'Latin America Vebdor Credits',
	'Select Source',
	'Withholding Tax',
].map((reason) => ({
	name: reason.replace('(CS )', '(CS)').replace('Vebdor', 'Vendor'),
	value: reason,
}));

const TEXT_FILTERS: TextFilter[] = [
	{
		name: 'caseRequestNumber',
		displayName: 'Case Request Number',
		placeholder: 'e.g. CAS-08946-G1W3J3-1',
	},
	{ name: 'ingramPartNumber', displayName: 'Ingram Part Number', placeholder: 'e.g. YZ3606' },
	{ name: 'invoiceNumber', displayName: 'Invoice Number', placeholder: 'e.g. 40-NFERG-11' },
	{ name: 'referenceNumber', displayName: 'Reference Number' },
	{ name: 'returnClaimId', displayName: 'Return Claim ID' },
	{ name: 'vendorPartNumber', displayName: 'Vendor Part Number' },
];

/** Filters Ingram takes as one comma-separated string (`-in`). */
const LIST_FILTERS = [
	{
		name: 'claimStatus',
		param: 'claimStatus-in',
		displayName: 'Claim Statuses',
		options: STATUSES,
	},
	{
		name: 'returnReason',
		param: 'returnReason-in',
		displayName: 'Return Reasons',
		options: RETURN_REASONS,
	},
	{
		name: 'returnStatus',
		param: 'returnStatus-in',
		displayName: 'Return Statuses',
		options: STATUSES,
	},
] as const;

/** Date ranges Ingram types as one string: sent as "yyyy-MM-dd,yyyy-MM-dd" (see execute). */
const RANGE_FILTERS: Array<RangeFilter & { param: string }> = [
	{
		name: 'createdOn',
		param: 'createdOn-bt',
		displayName: 'Created On',
		description: 'Returns requested between these days',
	},
	{
		name: 'modifiedOn',
		param: 'modifiedOn-bt',
		displayName: 'Modified On',
		description: 'Returns last updated between these days',
	},
];

/** The fields Ingram sorts returns by (`sortingColumnName`); without one, newest request first. */
const SORT_FIELDS: INodePropertyOptions[] = [
	{ name: 'Case Request Number', value: 'caseRequestNumber' },
	{ name: 'Created On', value: 'createdOn' },
	{ name: 'Modified On', value: 'modifiedOn' },
	{ name: 'Status', value: 'status' },
];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersCollection([
		...textFilterOptions(TEXT_FILTERS),
		...LIST_FILTERS.map<INodeProperties>(({ name, displayName, options }) => ({
			name,
			displayName,
			options: [...options],
			type: 'multiOptions',
			default: [],
		})),
		...rangeFilterOptions(RANGE_FILTERS),
	]),
	sortCollection(SORT_FIELDS, 'createdOn'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['return'], operation: ['search'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	Object.assign(qs, readTextFilters(node, itemIndex, filters, TEXT_FILTERS));
	for (const { name, param, displayName } of LIST_FILTERS) {
		const values = textList(node, itemIndex, filters[name], displayName);
		qs[param] = values.length ? values.join(',') : undefined;
	}
	// The spec types these ranges as strings and documents no format; Ingram's other date filters
	// are yyyy-MM-dd and its other string lists comma-separated, so the range is "from,to".
	for (const filter of RANGE_FILTERS)
		qs[filter.param] = readRangeFilter(node, itemIndex, filters, filter)?.join(',');
	// Ingram names the direction `sort` here and the field `sortingColumnName`.
	const sort = readSort(node, itemIndex, this.getNodeParameter('sort', itemIndex, {}), SORT_FIELDS);
	qs.sortingColumnName = sort.sortBy;
	qs.sort = sort.direction;

	return await searchWithLimit.call(
		this,
		itemIndex,
		{ method: 'GET', path: '/resellers/v6/returns/search', qs: compact(qs), retry: 'retry' },
		{ parameters: 'page/size', itemsKey: 'returnsClaims' },
	);
}
