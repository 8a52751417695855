import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The login to Ingram Content's Consumer Direct Fulfillment host, plus the order-file identifiers
 * of the account (Ingram prints them on the Electronic Ordering profile it sends at set-up).
 * Tested by the Ingram Content node's `cdfConnectionTest` (a file transfer, not an HTTP request).
 */
export class IngramContentCdfApi implements ICredentialType {
	name = 'ingramContentCdfApi';

	displayName = 'Ingram Content CDF API';

	icon: Icon = {
		light: 'file:../icons/ingramContent.svg',
		dark: 'file:../icons/ingramContent.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-ingram/n8n-nodes-ingram#ingram-content-cdf-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Protocol',
			name: 'protocol',
			type: 'options',
			options: [
				{ name: 'SFTP', value: 'sftp', description: 'SSH file transfer (Ingram’s current host)' },
				{ name: 'FTP', value: 'ftp', description: 'Plain FTP: password and files unencrypted' },
				{ name: 'FTPS', value: 'ftps', description: 'FTP with explicit TLS (AUTH TLS)' },
			],
			default: 'sftp',
		},
		{
			displayName: 'Host',
			name: 'host',
			type: 'string',
			default: 'ftp.ingramcontent.com',
			required: true,
		},
		{
			displayName: 'Port',
			name: 'port',
			type: 'number',
			default: 22,
			description: 'Usually 22 for SFTP and 21 for FTP and FTPS',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'c2000001',
			description: 'The CDF login Ingram gave you: usually “c” followed by your 7-digit account',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'For SFTP with a private key, leave empty',
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true, rows: 4 },
			default: '',
			description:
				'Only to log in with an SSH key instead of the password: the whole key in OpenSSH or PEM format, BEGIN and END lines included',
			displayOptions: { show: { protocol: ['sftp'] } },
		},
		{
			displayName: 'Passphrase',
			name: 'passphrase',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only if the private key is encrypted',
			displayOptions: { show: { protocol: ['sftp'] } },
		},
		{
			displayName: 'Expected Host Key Fingerprint',
			name: 'expectedFingerprint',
			type: 'string',
			default: '',
			placeholder: 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8',
			description:
				'The SHA256 fingerprint of the server’s host key, as `ssh-keyscan HOST | ssh-keygen -lf -` prints it. When set, a server with another key is refused before any password or key is sent. Empty: any host key is accepted.',
			displayOptions: { show: { protocol: ['sftp'] } },
		},
		{
			displayName: 'Ignore Certificate Errors',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description:
				'Whether to connect even if the server’s TLS certificate cannot be verified. Only for a test host with a self-signed certificate.',
			displayOptions: { show: { protocol: ['ftps'] } },
		},
		{
			displayName:
				'With certificate errors ignored, anyone between n8n and the host can read your password and orders',
			name: 'tlsWarning',
			type: 'notice',
			default: '',
			displayOptions: { show: { protocol: ['ftps'], ignoreSslIssues: [true] } },
		},
		{
			displayName: 'Bill-To Account',
			name: 'billToAccount',
			type: 'string',
			default: '',
			required: true,
			placeholder: '2000001',
			description: 'Your 7-character Ingram bill-to account (order file record 10)',
		},
		{
			displayName: 'Ship-To Account',
			name: 'shipToAccount',
			type: 'string',
			default: '',
			required: true,
			placeholder: '2000001',
			description: 'Your 7-character Ingram ship-to account (order file record 21)',
		},
		{
			displayName: 'Ship-To Password',
			name: 'shipToPassword',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The 8-character ship-to password of your Electronic Ordering profile (not the login password)',
		},
		{
			displayName: 'File Source Name',
			name: 'fileSourceName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'MYBOOKSHOP',
			description:
				'Your shop’s name as it appears in every order file header (up to 13 characters)',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{
					name: 'Production',
					value: 'production',
					description: 'Orders are filled and shipped',
				},
				{
					name: 'Test',
					value: 'test',
					description:
						'Orders are sent as test orders (PO type 8): Ingram answers in the test folder, ships nothing and bills nothing',
				},
			],
			default: 'test',
		},
		{
			displayName: 'Incoming Folder',
			name: 'incomingFolder',
			type: 'string',
			default: 'incoming',
			description: 'Where order files are uploaded',
		},
		{
			displayName: 'Outgoing Folder',
			name: 'outgoingFolder',
			type: 'string',
			default: 'outgoing',
			description: 'Where Ingram leaves acknowledgements, ship notices and invoices',
		},
		{
			displayName: 'Test Folder',
			name: 'testFolder',
			type: 'string',
			default: 'test',
			description: 'Where Ingram leaves the replies to test orders',
		},
		{
			displayName: 'Inventory Login',
			name: 'inventoryLogin',
			type: 'options',
			options: [
				{ name: 'Same as Above', value: 'same' },
				{
					name: 'Separate Data Services Login',
					value: 'separate',
					description: 'Ingram’s inventory files often sit on another login (a “w…” user)',
				},
			],
			default: 'same',
			description: 'Where the StockV2 inventory files are read from',
		},
		{
			displayName: 'Inventory Host',
			name: 'inventoryHost',
			type: 'string',
			default: 'ftp.ingramcontent.com',
			displayOptions: { show: { inventoryLogin: ['separate'] } },
		},
		{
			displayName: 'Inventory Port',
			name: 'inventoryPort',
			type: 'number',
			default: 22,
			displayOptions: { show: { inventoryLogin: ['separate'] } },
		},
		{
			displayName: 'Inventory Username',
			name: 'inventoryUsername',
			type: 'string',
			default: '',
			placeholder: 'w2000001',
			displayOptions: { show: { inventoryLogin: ['separate'] } },
		},
		{
			displayName: 'Inventory Password',
			name: 'inventoryPassword',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { inventoryLogin: ['separate'] } },
		},
		{
			displayName: 'Inventory Folder',
			name: 'inventoryFolder',
			type: 'string',
			default: 'Inventory',
			description: 'Where Ingram leaves the StockV2 files (full and deltas)',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 30,
			description: 'How long to wait for the host to connect or answer a step before giving up',
		},
	];
}
