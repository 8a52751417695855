/**
 * Vendor Required Info (YAML spec only, v7): which extra fields a vendor needs before Ingram can
 * order a product or a quote. Needs the IM-SenderID header (required on this endpoint only).
 *
 * The answer is an array, one element per product (or one for a quote):
 * `vmfAdditionalAttributes` hold vendor mandatory fields for hardware/software lines,
 * `vriAdditionalAttributes` the provisioning questions of cloud subscriptions (Microsoft's tenant
 * questions, with nested `choices`). Unknown products come back with a `responseMessages` entry.
 */
import { VENDOR_MANDATORY_FIELDS, type Attribute } from '../data';
import { asArray, asRecord, badRequest, ok, sameText, text, type Route } from './common';

function withChoices(fields: Attribute[]) {
	return fields.map((f) => ({ ...f, attributeHint: '', attributeRequired: 'true', choices: [] }));
}

const MICROSOFT_TENANT_QUESTIONS = [
	{
		attributeName: 'tier1_mpn',
		attributeValue: '',
		attributeDescription: 'Microsoft Partner Number',
		attributeHint: '',
		attributeRequired: 'true',
		choices: [],
	},
	{
		attributeName: 'tenant_preference',
		attributeValue: 'new,existing',
		attributeDescription: 'Please select the desired option for the CSP account',
		attributeHint: '',
		attributeRequired: 'true',
		choices: [
			{
				attributeValue: 'new',
				attributeDescription: 'Create new Microsoft CSP end customer account',
				choices: [
					{
						attributeName: 'microsoft_domain',
						attributeValue: 'onmicrosoft.com',
						attributeDescription: 'Microsoft Domain Name',
						attributeHint: 'Up to 27 characters long',
						choices: [],
					},
					{
						attributeName: 'mca_acceptance',
						attributeValue: 'yes,no',
						attributeDescription: 'MCA Acceptance',
						attributeHint: '',
						choices: [],
					},
				],
			},
			{
				attributeValue: 'existing',
				attributeDescription: 'Use an existing Microsoft CSP end customer account',
				choices: [
					{
						attributeName: 'microsoft_domain',
						attributeValue: 'onmicrosoft.com',
						attributeDescription: 'Microsoft Domain Name',
						attributeHint: 'Up to 27 characters long',
						choices: [],
					},
					{
						attributeName: 'relationship_url',
						attributeValue: 'yes,no',
						attributeDescription: 'Confirm if the customer-partner authorization is done.',
						attributeHint: '',
						choices: [],
					},
				],
			},
		],
	},
];

const EMPTY = {
	quoteNumber: '',
	ingramPartNumber: '',
	vendorPartNumber: '',
	planId: '',
	planName: '',
};

/** POST /resellers/v7/vendorrequiredinfo */
export const vendorRequiredInfo: Route = (req, { data }) => {
	const body = asRecord(req.body);
	const quoteNumber = text(body.quoteNumber);
	const products = asArray(body.products).map(asRecord);
	if (!quoteNumber && products.length === 0) {
		return badRequest(req, [
			{ field: 'products', value: null, message: 'Either quoteNumber or products is required.' },
		]);
	}
	if (quoteNumber) {
		const quote = data.quotes.find((q) => sameText(q.quoteNumber, quoteNumber));
		if (!quote)
			return badRequest(req, [
				{ field: 'quoteNumber', value: quoteNumber, message: 'Invalid quote number.' },
			]);
		const fields = quote.vendorMandatoryFields;
		return ok([
			{
				...EMPTY,
				quoteNumber: quote.quoteNumber,
				responseMessages: [],
				vmfAdditionalAttributes: fields.length
					? [{ vendorName: quote.vendorName, additionalAttributes: withChoices(fields) }]
					: [],
				vriAdditionalAttributes: [],
			},
		]);
	}
	return ok(
		products.map((line) => {
			const ipn = text(line.ingramPartNumber);
			const vpn = text(line.vendorPartNumber);
			const planId = text(line.planID) ?? text(line.planId);
			const plan = planId
				? data.plans.find((p) => p.planId === planId)
				: vpn
					? data.plans.find((p) => sameText(p.vendorPartNumber, vpn))
					: undefined;
			if (plan) {
				return {
					...EMPTY,
					planId: plan.planId,
					planName: plan.planName,
					responseMessages: [],
					vmfAdditionalAttributes: [],
					vriAdditionalAttributes: [
						{
							vendorName: plan.vendorName,
							productId: `PRD-${plan.resourceId.slice(0, 3)}-${plan.resourceId.slice(3, 6)}-018`,
							additionalAttributes: MICROSOFT_TENANT_QUESTIONS,
						},
					],
				};
			}
			const product = data.products.find(
				(p) =>
					(ipn && sameText(p.ingramPartNumber, ipn)) || (vpn && sameText(p.vendorPartNumber, vpn)),
			);
			if (!product) {
				const what = ipn
					? `IngramPartNumber: ${ipn}`
					: vpn
						? `VendorPartNumber: ${vpn}`
						: `PlanID: ${planId ?? ''}`;
				return {
					...EMPTY,
					ingramPartNumber: ipn ?? '',
					vendorPartNumber: vpn ?? '',
					planId: planId ?? '',
					responseMessages: [
						{
							id: '404',
							traceId: req.correlationId ?? '',
							type: 'Error',
							message: `Product not found for ${what}`,
						},
					],
					vmfAdditionalAttributes: [],
					vriAdditionalAttributes: [],
				};
			}
			const fields = VENDOR_MANDATORY_FIELDS[product.vendorName] ?? [];
			return {
				...EMPTY,
				ingramPartNumber: product.ingramPartNumber,
				vendorPartNumber: product.vendorPartNumber,
				responseMessages: [],
				vmfAdditionalAttributes: fields.length
					? [{ vendorName: product.vendorName, additionalAttributes: withChoices(fields) }]
					: [],
				vriAdditionalAttributes: [],
			};
		}),
	);
};
