import { idLocator } from '../common/fields';

/**
 * The quote selector wherever a quote number is asked for: Quote › Get and Validate, Order › Create
 * Async and Vendor Required Info (same parameter name, so the value survives switching).
 */
export const quoteNumberLocator = idLocator({
	name: 'quoteNumber',
	displayName: 'Quote Number',
	placeholder: 'e.g. QUO-10985-C4C3F7',
	description:
		'The quote number Ingram Micro gave the quote. In the list, which holds the quotes of the last 30 days, ' +
		'type a quote number, a quote name or an end user to find it.',
	pattern: '^\\s*[Qq][Uu][Oo]-[0-9A-Za-z-]+\\s*$',
	patternHint: 'Ingram Micro quote numbers look like QUO-10985-C4C3F7',
	listSearch: 'searchQuotes',
});

export const QUOTE_NUMBER_LABEL = 'Quote Number';
