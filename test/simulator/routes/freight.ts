/**
 * Freight estimate: what shipping an order would cost, per shipping warehouse and carrier.
 * Needs the IM-CustomerContact header. Line quantities are STRINGS in the spec ("1").
 *
 * The estimate groups lines by the warehouse they would ship from (the line's warehouseId, else the
 * first warehouse with enough stock), prices every carrier on the group's weight, and picks the
 * line's carrierCode or the cheapest carrier as the group's choice. Licences weigh nothing and
 * are not in any distribution. Errors are array-wrapped: `[{"errors":[...]}]`.
 */
import { CARRIERS, type Product } from '../data';
import { type ErrorField } from '../errors';
import { round2 } from '../random';
import { findProduct } from './catalog';
import { asArray, asRecord, badRequest, ok, text, type Route } from './common';

function carrierCharge(carrier: (typeof CARRIERS)[number], kg: number): number {
	return round2(Math.max(7.5, 4 + kg * carrier.ratePerKg));
}

/** POST /resellers/v6/freightestimate */
export const freightEstimate: Route = (req, { data }) => {
	const body = asRecord(req.body);
	const requested = asArray(body.lines).map(asRecord);
	const errors: ErrorField[] = [];
	if (requested.length === 0)
		errors.push({ field: 'lines', value: null, message: 'At least one line is required.' });
	if (!text(body.shipToAddressId) && Object.keys(asRecord(body.shipToAddress)).length === 0) {
		errors.push({
			field: 'shipToAddress',
			value: null,
			message: 'Either shipToAddressId or shipToAddress is required.',
		});
	}
	const lines: { product: Product; quantity: number; warehouseId: string; carrierCode?: string }[] =
		[];
	requested.forEach((line, i) => {
		const sku = text(line.ingramPartNumber);
		const product = findProduct(data.products, sku);
		const quantity = Number(line.quantity ?? 1);
		if (!product)
			errors.push({
				field: `lines[${i}].ingramPartNumber`,
				value: sku ?? null,
				message: `Product not found for IngramPartNumber: ${sku ?? ''}`,
			});
		if (!Number.isInteger(quantity) || quantity < 1)
			errors.push({
				field: `lines[${i}].quantity`,
				value: line.quantity,
				message: 'Quantity must be a positive whole number.',
			});
		if (!product || !Number.isInteger(quantity) || quantity < 1) return;
		const warehouseId =
			text(line.warehouseId) ??
			product.stock.find((s) => s.quantityAvailable >= quantity)?.warehouseId ??
			product.stock[0]?.warehouseId ??
			'';
		lines.push({ product, quantity, warehouseId, carrierCode: text(line.carrierCode) });
	});
	if (errors.length) return badRequest(req, errors);

	const branches = [
		...new Set(
			lines
				.filter((l) => l.product.productType === 'IM::physical' && l.warehouseId)
				.map((l) => l.warehouseId),
		),
	];
	const distribution = branches.map((branch) => {
		const inBranch = lines.filter((l) => l.warehouseId === branch);
		const kg = round2(inBranch.reduce((sum, l) => sum + l.product.weightKg * l.quantity, 0));
		const requestedCarrier = CARRIERS.find((c) =>
			inBranch.some((l) => l.carrierCode === c.carrierCode),
		);
		const chosen =
			requestedCarrier ??
			CARRIERS.reduce((best, c) => (carrierCharge(c, kg) < carrierCharge(best, kg) ? c : best));
		return {
			shipFromBranchNumber: branch,
			carrierCode: chosen.carrierCode,
			shipVia: chosen.carrierName,
			freightRate: carrierCharge(chosen, kg),
			totalWeight: kg,
			transitDays: chosen.days,
			carrierList: CARRIERS.map((c) => ({
				carrierCode: c.carrierCode,
				shipVia: c.carrierName,
				carrierMode: c.mode,
				// Strings, as in Ingram's example.
				estimatedFreightCharge: String(carrierCharge(c, kg)),
				daysInTransit: String(c.days),
			})),
		};
	});
	const responseLines = lines.map((l) => ({
		ingramPartNumber: l.product.ingramPartNumber,
		vendorPartNumber: l.product.vendorPartNumber,
		warehouseId: l.warehouseId,
		quantity: l.quantity,
		unitPrice: l.product.customerPrice,
		netAmount: round2(l.product.customerPrice * l.quantity),
	}));
	const totalFreightAmount = round2(distribution.reduce((sum, d) => sum + d.freightRate, 0));
	const totalNetAmount = round2(responseLines.reduce((sum, l) => sum + l.netAmount, 0));
	return ok({
		freightEstimateResponse: {
			currencyCode: 'USD',
			totalFreightAmount,
			totalTaxAmount: 0,
			totalFees: 0,
			totalNetAmount,
			grossAmount: round2(totalNetAmount + totalFreightAmount),
			distribution,
			lines: responseLines,
		},
	});
};
