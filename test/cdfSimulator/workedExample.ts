/**
 * The worked example of the CDF research notes (one PO, two lines, three units), as records for
 * the simulator's tests, with the file name in record 00 replaceable so that each upload can carry
 * its own name.
 */
import { ORDER_RECORD_LENGTH } from './validateOrderFile';

export const WORKED_EXAMPLE_FILE_NAME = '260115093000.fbo';

const HEADER_BEFORE_NAME = '00000010000000     MYSHOP       260115';
const HEADER_AFTER_NAME = 'F031697978     ICDFL';

/** Records 2 to 22 of the example, trailing spaces trimmed as in the notes. */
const BODY = [
	'1000002ORD1001               BILLTO11697978260115260415NN         YY      N',
	'2100003ORD1001               SHIPTO10LS  N 1PASSWORD### USA ECONOMY           Y',
	'2400004ORD1001               000.0000000.00000003.99',
	'2500005ORD1001               JANE BUYER',
	'2600006ORD1001               6155550100',
	'2700007ORD1001               1 MAIN ST',
	'2900008ORD1001               NASHVILLE                TN 37201      USA',
	'3000009ORD1001               JOHN RECIPIENT                                    Y',
	'3100010ORD1001               6155550101',
	'3200011ORD1001               22 OAK AVE',
	'3200012ORD1001               APT 4',
	'3400013ORD1001               LA VERGNE                TN 37086      USA',
	'3500014ORD1001                       0000.00NNN',
	'3700015ORD1001               THANK YOU FOR SHOPPING WITH MYSHOP',
	'3800016ORD1001               HAPPY BIRTHDAY',
	'4000017ORD1001               1                     9780000000002       000N  NEN',
	'4100018ORD1001               00012.99         0000001',
	'4000019ORD1001               2                     9780000000019       000N  NEN',
	'4100020ORD1001               00008.50         0000002',
	'5000021ORD1001               0002000000000020000000003',
	'90000220000000000002000010000000003000010000100006000080000400001000000000000001',
];

/** The example's 22 records, each padded to 80 characters, naming `fileName` in record 00. */
export function workedExampleRecords(fileName = WORKED_EXAMPLE_FILE_NAME): string[] {
	const header = HEADER_BEFORE_NAME + fileName.padEnd(22, ' ').slice(0, 22) + HEADER_AFTER_NAME;
	return [header, ...BODY].map((record) => record.padEnd(ORDER_RECORD_LENGTH, ' '));
}

/** The example as Ingram wants it on the wire: records joined by CRLF. */
export function workedExampleFile(fileName = WORKED_EXAMPLE_FILE_NAME): string {
	return workedExampleRecords(fileName).join('\r\n');
}

/** Replaces positions start..end (1-based, inclusive) of a record, keeping its length. */
export function overwrite(record: string, start: number, value: string): string {
	return record.slice(0, start - 1) + value + record.slice(start - 1 + value.length);
}
