/**
 * The item numbers a CDF order line may carry, checked by their check digits before anything is
 * sent: EAN-13 / ISBN-13 (`EN`), ISBN-10 (converted to its EAN, as Ingram prefers), and UPC-A (`UP`).
 * A number that fails its check digit is a typo, or a product that is not a book Ingram stocks.
 */

export interface ItemNumber {
	itemNumber: string;
	itemNumberType: 'EN' | 'UP';
	/** The ISBN-10 the user gave, when it was converted to its EAN. */
	convertedFrom?: string;
}

export type ItemNumberCheck = ItemNumber | { problem: string };

const digits = (text: string) => [...text].map(Number);

/** EAN-13 and UPC-A share one rule: weights 1,3,1,3… (EAN) or 3,1,3,1… (UPC) from the left, total divisible by 10. */
function gs1CheckDigit(body: string): number {
	const sum = digits(body)
		.reverse()
		.reduce((total, digit, position) => total + digit * (position % 2 === 0 ? 3 : 1), 0);
	return (10 - (sum % 10)) % 10;
}

function isbn10CheckDigit(body: string): string {
	const sum = digits(body).reduce((total, digit, position) => total + digit * (10 - position), 0);
	const check = (11 - (sum % 11)) % 11;
	return check === 10 ? 'X' : String(check);
}

/** The EAN (ISBN-13) of an ISBN-10: 978, the first nine digits, a new check digit. */
export function isbn10ToEan(isbn10: string): string {
	const body = `978${isbn10.slice(0, 9)}`;
	return `${body}${gs1CheckDigit(body)}`;
}

/** Checks and normalises an ISBN-13/EAN, ISBN-10 or UPC; dashes and spaces are ignored. */
export function checkItemNumber(raw: string): ItemNumberCheck {
	const text = raw.replace(/[\s-]/g, '').toUpperCase();
	if (/^\d{13}$/.test(text)) {
		return gs1CheckDigit(text.slice(0, 12)) === Number(text[12])
			? { itemNumber: text, itemNumberType: 'EN' }
			: {
					problem: `"${raw}" is not a valid ISBN-13/EAN: its check digit should be ${gs1CheckDigit(text.slice(0, 12))}`,
				};
	}
	if (/^\d{9}[\dX]$/.test(text)) {
		return isbn10CheckDigit(text.slice(0, 9)) === text[9]
			? { itemNumber: isbn10ToEan(text), itemNumberType: 'EN', convertedFrom: text }
			: {
					problem: `"${raw}" is not a valid ISBN-10: its check digit should be ${isbn10CheckDigit(text.slice(0, 9))}`,
				};
	}
	if (/^\d{12}$/.test(text)) {
		return gs1CheckDigit(text.slice(0, 11)) === Number(text[11])
			? { itemNumber: text, itemNumberType: 'UP' }
			: {
					problem: `"${raw}" is not a valid UPC: its check digit should be ${gs1CheckDigit(text.slice(0, 11))}`,
				};
	}
	return { problem: `"${raw}" is not an ISBN-13/EAN (13 digits), ISBN-10 (10) or UPC (12)` };
}
