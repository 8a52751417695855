import { describeProblems, parseIngramError } from '../../nodes/IngramMicro/transport/errors';

// Every body shape documented for XI (docs §3), as the user would want it summarised.
describe('parseIngramError', () => {
	test('canonical errors[] with field details', () => {
		const parsed = parseIngramError({
			errors: [
				{
					id: 'a1',
					type: '/errors/validation-failed',
					message: 'Validation failed',
					fields: [
						{ field: 'IM-CorrelationID', value: '', message: 'IM-CorrelationID cannot be blank' },
					],
				},
			],
		});
		expect(parsed.message).toBe('Validation failed: IM-CorrelationID cannot be blank');
		expect(describeProblems(parsed.problems)).toEqual([
			'IM-CorrelationID: IM-CorrelationID cannot be blank',
		]);
	});

	test('traceid instead of id, wrapped in a top-level array (renewals, returns, freight)', () => {
		const parsed = parseIngramError([
			{ errors: [{ traceid: '99', type: 'x', message: 'Invalid vendor', fields: [] }] },
		]);
		expect(parsed.message).toBe('Invalid vendor');
		expect(parsed.problems[0].id).toBe('99');
	});

	test("Ingram's misspelt keys `messaage` and `1ype`", () => {
		const parsed = parseIngramError({
			errors: [{ id: 1, '1ype': 'bad', messaage: 'Order not found' }],
		});
		expect(parsed.message).toBe('Order not found');
		expect(parsed.problems[0].type).toBe('bad');
	});

	test('message null falls back to the first field message', () => {
		const parsed = parseIngramError({
			errors: [{ id: 1, message: null, fields: [{ field: 'x', message: 'x is wrong' }] }],
		});
		expect(parsed.message).toBe('x is wrong');
	});

	test('Apigee fault shapes and the token error', () => {
		expect(
			parseIngramError({
				fault: { faultstring: 'Invalid access token', detail: { errorcode: 'e' } },
			}).message,
		).toBe('Invalid access token');
		expect(
			parseIngramError({ faultcode: 'Server', faultstring: 'Invalid customer number.' }).message,
		).toBe('Invalid customer number.');
		expect(parseIngramError({ message: 'grant_type is missing' }).message).toBe(
			'grant_type is missing',
		);
	});

	test('.NET leak without errors wrapper', () => {
		const parsed = parseIngramError({
			traceid: '121',
			type: 'System.Net.WebException',
			message: 'Error (404) Not Found.',
			fields: [],
		});
		expect(parsed.message).toBe('Error (404) Not Found.');
	});

	test('JSON text, plain text and an empty 401 body', () => {
		expect(parseIngramError('{"errors":[{"message":"too many requests"}]}').message).toBe(
			'too many requests',
		);
		expect(parseIngramError('<html>Bad Gateway</html>').message).toBe('<html>Bad Gateway</html>');
		expect(parseIngramError('').message).toBe('');
		expect(parseIngramError(undefined).message).toBe('');
	});
});
