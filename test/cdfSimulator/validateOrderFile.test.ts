/**
 * The CDF simulator's order-file validator: the worked example of the research notes passes every
 * rule, and each kind of mistake is reported once, naming the record and what is wrong.
 */
import { validateOrderFile } from './validateOrderFile';
import {
	overwrite,
	WORKED_EXAMPLE_FILE_NAME,
	workedExampleFile,
	workedExampleRecords,
} from './workedExample';

const NAME = WORKED_EXAMPLE_FILE_NAME;

/** The example with some records changed; `change` gets and returns the whole record list. */
function variant(change: (records: string[]) => string[]): string {
	return change(workedExampleRecords()).join('\r\n');
}

/** Sets each record's sequence number to its place, for variants that add or remove records. */
function renumber(records: string[]): string[] {
	return records.map((record, index) => overwrite(record, 3, String(index + 1).padStart(5, '0')));
}

const problemsOf = (content: string, name = NAME) => validateOrderFile(content, name);

describe('validateOrderFile: files that are right', () => {
	it('accepts the worked example (records padded to 80, CRLF between them)', () => {
		expect(problemsOf(workedExampleFile())).toEqual([]);
	});

	it('accepts a CRLF after the last record, and the name in another case', () => {
		expect(problemsOf(`${workedExampleFile()}\r\n`, NAME.toUpperCase())).toEqual([]);
	});

	it('accepts two POs in one file when both trailers count them', () => {
		const records = workedExampleRecords();
		const firstPo = records.slice(1, 21);
		const secondPo = firstPo.map((record) => overwrite(record, 8, 'ORD1002'));
		const trailer =
			'90' +
			'00000' +
			'0000000000004' + // line items
			'00002' + // POs
			'0000000006' + // units
			['00001', '00002', '00012', '00016', '00008', '00002', '00000', '00000', '00001'].join('');
		const file = renumber([records[0], ...firstPo, ...secondPo, trailer]);
		expect(problemsOf(file.join('\r\n'))).toEqual([]);
	});
});

describe('validateOrderFile: framing', () => {
	it('reports LF-only delimiters once', () => {
		const problems = problemsOf(workedExampleRecords().join('\n'));
		expect(problems).toEqual([expect.stringMatching(/LF alone.*CRLF/)]);
	});

	it('reports a file without delimiters once, and still checks its records', () => {
		expect(problemsOf(workedExampleRecords().join(''))).toEqual([
			expect.stringMatching(/no record delimiters/),
		]);
		const withWrongPoType = variant((records) => {
			records[2] = overwrite(records[2], 37, '9');
			return records;
		}).replace(/\r\n/g, '');
		expect(problemsOf(withWrongPoType)).toEqual([
			expect.stringMatching(/no record delimiters/),
			expect.stringMatching(/^record 3 \(type 21\): PO type "9"/),
		]);
	});

	it('reports each record that is not 80 characters (trimmed trailing spaces)', () => {
		const trimmed = workedExampleRecords().map((record) => record.trimEnd());
		const problems = problemsOf(trimmed.join('\r\n'));
		const shortRecords = trimmed.filter((record) => record.length !== 80).length;
		expect(problems).toHaveLength(shortRecords);
		expect(problems).toContain(
			'record 4 (type 24): 52 characters, every record must be exactly 80',
		);
	});

	it('reports an empty file', () => {
		expect(problemsOf('')).toEqual(['file: empty']);
	});

	it('reports unknown record types and characters outside ASCII', () => {
		const problems = problemsOf(
			variant((records) => {
				records[4] = overwrite(records[4], 1, '22'); // a 25 turned into an unknown 22
				records[5] = overwrite(records[5], 30, 'JOSÉ');
				return records;
			}),
		);
		expect(problems).toContain('record 5: unknown record type "22"');
		expect(problems).toContainEqual(
			expect.stringMatching(/^record 21 \(type 50\): .*no record 25 \(bill-to name\)/),
		);
		expect(problems).toContainEqual(
			expect.stringMatching(/^record 6 \(type 26\): character "É" at position 33/),
		);
	});

	it('wants record 00 first and record 90 last, once each', () => {
		const problems = problemsOf(
			variant((records) => renumber([records[1], ...records.slice(0, 1), ...records.slice(2, 21)])),
		);
		expect(problems).toContain(
			'record 1 (type 10): a file must start with record 00 (file header)',
		);
		expect(problems).toContain(
			'record 2 (type 00): a file has one record 00, and only as its first record',
		);
		expect(problems).toContain(
			'record 21 (type 50): a file must end with record 90 (file trailer)',
		);
	});

	it('reports misnumbered records once, with how many more there are', () => {
		const problems = problemsOf(
			variant((records) => records.map((record) => overwrite(record, 3, '00000'))),
		);
		expect(problems).toEqual([
			expect.stringMatching(
				/^record 1 \(type 00\): sequence number "00000" .* expected 00001 .*; 21 later record/,
			),
		]);
	});
});

describe('validateOrderFile: record 00', () => {
	it('wants format F03', () => {
		const problems = problemsOf(
			variant((records) => [overwrite(records[0], 61, 'F02'), ...records.slice(1)]),
		);
		expect(problems).toEqual([
			'record 1 (type 00): format version "F02" (positions 61-63), expected "F03"',
		]);
	});

	it('wants the uploaded name, case aside, of at most 17 characters', () => {
		expect(problemsOf(workedExampleFile(), 'OTHER.fbo')).toEqual([
			expect.stringMatching(/file name "260115093000\.fbo" .* differs from .*"OTHER\.fbo"/),
		]);
		const longName = 'ORDER-2026011512.fbo';
		expect(problemsOf(workedExampleFile(longName), longName)).toEqual([
			expect.stringMatching(/file name "ORDER-2026011512\.fbo" .* is 20 characters/),
		]);
	});
});

describe('validateOrderFile: purchase orders', () => {
	it('wants every record of a PO to carry its PO number', () => {
		const problems = problemsOf(
			variant((records) => {
				records[7] = overwrite(records[7], 8, 'ORD1009');
				return records;
			}),
		);
		expect(problems).toEqual([
			'record 8 (type 29): PO number "ORD1009" differs from "ORD1001" in record 2 (type 10)',
		]);
	});

	it('reports each record a PO must have but lacks', () => {
		const problems = problemsOf(
			variant((records) => {
				const withoutRecipient = records.filter((record) => !/^(30|32)/.test(record));
				const trailer = overwrite(withoutRecipient[withoutRecipient.length - 2], 30, '00017');
				withoutRecipient.splice(withoutRecipient.length - 2, 1, trailer);
				const last = withoutRecipient.length - 1;
				withoutRecipient[last] = overwrite(withoutRecipient[last], 51, '00005');
				return renumber(withoutRecipient);
			}),
		);
		expect(problems).toEqual([
			'record 18 (type 50): PO "ORD1001" (from record 2) has no record 30 (recipient name)',
			'record 18 (type 50): PO "ORD1001" (from record 2) has no record 32 (recipient address)',
		]);
	});

	it('wants a 41 after each 40', () => {
		const problems = problemsOf(
			variant((records) => {
				[records[17], records[18]] = [records[18], records[17]]; // 40 40 41 41
				return renumber(records);
			}),
		);
		expect(problems).toEqual([
			'record 18 (type 40): the line item in record 17 must be followed by a 41',
		]);
	});

	it('reports a PO that is not closed by a 50 before the next PO or the end', () => {
		const records = workedExampleRecords();
		const unclosedThenClosed = renumber([...records.slice(0, 20), ...records.slice(1, 22)]);
		expect(problemsOf(unclosedThenClosed.join('\r\n'))).toContain(
			'record 2 (type 10): PO "ORD1001" has no record 50 (PO trailer) before record 21',
		);
		expect(problemsOf(records.slice(0, 20).join('\r\n'))).toEqual([
			'record 20 (type 41): a file must end with record 90 (file trailer)',
			'record 2 (type 10): PO "ORD1001" has no record 50 (PO trailer) before the end of the file',
		]);
	});

	it('checks PO type, order type, dates and quantities', () => {
		const problems = problemsOf(
			variant((records) => {
				records[1] = overwrite(records[1], 44, '260230'); // 30 February
				records[1] = overwrite(records[1], 50, '26041X');
				records[2] = overwrite(records[2], 37, '2'); // reserved PO type
				records[2] = overwrite(records[2], 38, 'XX');
				records[17] = overwrite(records[17], 47, '0000000');
				records[19] = overwrite(records[19], 47, '00000A2');
				records[20] = overwrite(records[20], 45, '0000000000'); // units now add up to 0
				records[21] = overwrite(records[21], 26, '0000000000');
				return records;
			}),
		);
		expect(problems).toEqual([
			'record 2 (type 10): order date "260230" (positions 44-49) is not a valid YYMMDD date',
			'record 2 (type 10): backorder cancel date "26041X" (positions 50-55) is not a valid YYMMDD date',
			'record 3 (type 21): PO type "2" (position 37) is not one of 0, 1, 3, 5, 8',
			'record 3 (type 21): order type "XX" (positions 38-39) is not one of RF, LS, EL',
			'record 18 (type 41): order quantity "0000000" (positions 47-53) must be a zero-filled number greater than 0',
			'record 20 (type 41): order quantity "00000A2" (positions 47-53) must be a zero-filled number greater than 0',
		]);
	});
});

describe('validateOrderFile: trailers', () => {
	it('checks the three counts of record 50', () => {
		const problems = problemsOf(
			variant((records) => {
				records[20] = overwrite(records[20], 30, '00019' + '0000000003' + '0000000004');
				return records;
			}),
		);
		expect(problems).toEqual([
			'record 21 (type 50): record count (positions 30-34) says 00019, but PO "ORD1001" has 20 records from its 10 to its 50',
			'record 21 (type 50): line-item count (positions 35-44) says 0000000003, but PO "ORD1001" has 2 line items (records 40)',
			`record 21 (type 50): unit count (positions 45-54) says 0000000004, but PO "ORD1001"'s quantities (records 41) add up to 3`,
		]);
	});

	it('checks every count of record 90, the 8-or-9 count including the 90 itself', () => {
		const trailer = '90' + '00022' + '0000000000003' + '00002' + '000000000X' + '00001'.repeat(9);
		const problems = problemsOf(variant((records) => [...records.slice(0, 21), trailer]));
		expect(problems).toEqual([
			'record 22 (type 90): line-item count (positions 8-20) says 0000000000003, but the file has 2 line items (records 40)',
			'record 22 (type 90): PO count (positions 21-25) says 00002, but the file has 1 POs (records 10)',
			'record 22 (type 90): unit count "000000000X" (positions 26-35) is not a zero-filled number',
			'record 22 (type 90): count of records starting with 2 (positions 46-50) says 00001, but the file has 6',
			'record 22 (type 90): count of records starting with 3 (positions 51-55) says 00001, but the file has 8',
			'record 22 (type 90): count of records starting with 4 (positions 56-60) says 00001, but the file has 4',
			'record 22 (type 90): count of records starting with 6 (positions 66-70) says 00001, but the file has 0',
			'record 22 (type 90): count of records starting with 7 (positions 71-75) says 00001, but the file has 0',
		]);
	});

	it('counts the 90 itself among the records starting with 8 or 9', () => {
		const records = workedExampleRecords();
		const withoutSelf = overwrite(records[21], 76, '00000');
		expect(problemsOf([...records.slice(0, 21), withoutSelf].join('\r\n'))).toEqual([
			'record 22 (type 90): count of records starting with 8 or 9 (positions 76-80) says 00000, but the file has 1 (this 90 included)',
		]);
	});
});
