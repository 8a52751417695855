/**
 * P.O. box detection for address lines: the spellings that are post-office boxes, and the street
 * names, private mailboxes and military or rural-route boxes that are not.
 */
import { isPoBox } from '../../../nodes/IngramContent/reference/poBox';

test.each([
	'PO Box 12',
	'P.O. Box 12',
	'p.o. box 12',
	'P. O. Box 12',
	'P O BOX',
	'PO BOX',
	'P.O.Box 12',
	'PO Box #12',
	'PO Box No. 12',
	'POBox 123',
	'POBOX123',
	'POB 12',
	'P.O.B. 12',
	'POB#12',
	'Post Office Box 7',
	'post office box',
	'Box 123',
	'box #123',
	'BOX No 5',
	'Box 9, Springfield',
	'P0 Box 12',
	'PO Drawer 40',
	'Acme Books, PO Box 5',
	'Attn: Sam - P.O. Box 77',
])('%j is a P.O. box', (line) => {
	expect(isPoBox(line)).toBe(true);
});

test.each([
	'Boxwood Rd',
	'12 Boxwood Road',
	'Box Elder St',
	'Post Road',
	'Post Office Road 4',
	'12 Pobox Lane',
	'Pob Street 3',
	'123 Main St',
	'123 Main St PMB 456',
	'PMB 456',
	'APO AE 09012',
	'FPO AP 96349',
	'DPO AA 34006',
	'Unit 2050 Box 4190',
	'PSC 3 Box 1234',
	'RR 2 Box 15',
	'HC 1 Box 9',
	'Expo Box Company, 1 Fair Way',
	'Depot Box 3',
	'Boxes & More, 77 Elm St',
	'',
])('%j is not a P.O. box', (line) => {
	expect(isPoBox(line)).toBe(false);
});
