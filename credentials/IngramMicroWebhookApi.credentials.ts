import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The secret key of a webhook in Ingram Micro's developer portal (My Apps → app → Webhooks). Ingram
 * signs each event with it; the Ingram Micro Trigger rejects events whose signature does not match.
 */
export class IngramMicroWebhookApi implements ICredentialType {
	name = 'ingramMicroWebhookApi';

	displayName = 'Ingram Micro Webhook API';

	icon: Icon = {
		light: 'file:../icons/ingramMicro.svg',
		dark: 'file:../icons/ingramMicro.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-ingram/n8n-nodes-ingram#ingram-micro-trigger';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret Key',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The Secret Key of the webhook in the Ingram Micro developer portal (My Apps → your app → Webhooks; "Generate New Key" creates one). Use the same key in both places.',
		},
	];
}
