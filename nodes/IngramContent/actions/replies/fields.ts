import type { INodeProperties } from 'n8n-workflow';

/** Where and how Get Many reads Ingram's reply files; shared by acknowledgements, shipments and invoices. */
export const readingFields = (defaultPattern: string): INodeProperties[] => [
	{
		displayName: 'Folder',
		name: 'folder',
		type: 'options',
		options: [
			{
				name: 'From Credential Environment',
				value: 'environment',
				description: 'Test folder for the Test environment, outgoing folder for Production',
			},
			{ name: 'Outgoing', value: 'outgoing', description: 'Replies to real orders' },
			{ name: 'Test', value: 'test', description: 'Replies to test orders (PO type 8)' },
			{ name: 'Both', value: 'both' },
		],
		default: 'environment',
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: true,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'After Reading',
				name: 'afterReading',
				type: 'options',
				options: [
					{ name: 'Keep the File', value: 'keep' },
					{ name: 'Delete the File', value: 'delete' },
					{ name: 'Move to Archive Folder', value: 'move' },
				],
				default: 'keep',
				description:
					'What to do with a file once all of its items were produced. A file that is pending, unreadable or cut off by Limit stays where it is.',
			},
			{
				displayName: 'Archive Folder',
				name: 'archiveFolder',
				type: 'string',
				default: 'archive',
				displayOptions: { show: { afterReading: ['move'] } },
			},
			{
				displayName: 'File Name Pattern',
				name: 'pattern',
				type: 'string',
				default: defaultPattern,
				description:
					'Which files to read: * stands for any characters, ? for one; case does not matter',
			},
			{
				displayName: 'PO Numbers',
				name: 'poNumbers',
				type: 'string',
				default: '',
				description:
					'Only these POs (comma-separated, or a list from an expression); empty: every PO in the files',
			},
		],
	},
];

export const binaryFileField: INodeProperties = {
	displayName: 'Input Binary Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	description: 'The name of the input binary field holding the file to parse',
};
