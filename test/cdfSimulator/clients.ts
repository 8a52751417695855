/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * Real SFTP and FTP clients for the simulator's own tests, and the order files they upload: the
 * worked example of the CDF notes with its ship-to password, PO type, shipping method, DC, POA
 * type and item numbers replaceable.
 */
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { Readable, Writable } from 'node:stream';
import { Client as FtpClient } from 'basic-ftp';
import SftpClient from 'ssh2-sftp-client';
import type { CdfSimulator } from './index';
import { overwrite, workedExampleRecords } from './workedExample';

/**
 * A TCP connection with Nagle's algorithm off: ssh2 without its native crypto writes each packet
 * in pieces, and with Nagle on every request would wait ~40 ms for a delayed ACK.
 */
export async function fastSocket(port: number): Promise<Socket> {
	const socket = connect({ host: '127.0.0.1', port, noDelay: true });
	await once(socket, 'connect');
	return socket;
}

/** Clients opened by a test file, closed by closeClients() (in afterEach). */
const openClients: Array<{ close(): unknown }> = [];

export async function closeClients(): Promise<void> {
	await Promise.all(openClients.splice(0).map((client) => client.close()));
}

export async function sftpClient(
	sim: CdfSimulator,
	options: Partial<SftpClient.ConnectOptions> = {},
): Promise<SftpClient> {
	// ssh2-sftp-client logs every connection end it did not ask for; here many are on purpose.
	const client = new SftpClient('cdf-test', { end: () => {}, close: () => {}, error: () => {} });
	openClients.push({ close: () => client.end().catch(() => {}) });
	await client.connect({
		host: sim.host,
		port: sim.sftp.port,
		username: sim.username,
		password: sim.password,
		readyTimeout: 2000,
		sock: await fastSocket(sim.sftp.port),
		...options,
	});
	return client;
}

export async function ftpClient(
	sim: CdfSimulator,
	options: { user?: string; password?: string } = {},
): Promise<FtpClient> {
	const client = new FtpClient(2000);
	openClients.push(client);
	await client.access({
		host: sim.host,
		port: sim.ftp.port,
		user: options.user ?? sim.username,
		password: options.password ?? sim.password,
	});
	return client;
}

export const ftpUpload = (client: FtpClient, content: string | Buffer, path: string) =>
	client.uploadFrom(Readable.from([Buffer.from(content)]), path);

/** Downloads over FTP; `received` gets every byte that arrived, even when the transfer fails. */
export async function ftpDownload(
	client: FtpClient,
	path: string,
	received: Buffer[] = [],
): Promise<Buffer> {
	const sink = new Writable({
		write(chunk: Buffer, _encoding, callback) {
			received.push(chunk);
			callback();
		},
	});
	await client.downloadTo(sink, path);
	return Buffer.concat(received);
}

export async function sftpDownload(client: SftpClient, path: string): Promise<Buffer> {
	return (await client.get(path)) as Buffer;
}

export interface OrderVariant {
	/** Item numbers of the example's two lines (default 9780000000002 and 9780000000019). */
	items?: [string, string];
	shipToPassword?: string;
	poType?: string;
	shippingMethod?: string;
	dc?: string;
	poaType?: string;
	poNumber?: string;
}

/** The worked example (two lines, 1 + 2 units), named `fileName`, with `variant` applied. */
export function orderFile(fileName: string, variant: OrderVariant = {}): string {
	const records = workedExampleRecords(fileName);
	const options = 2; // record 21
	records[options] = overwrite(
		records[options],
		45,
		(variant.shipToPassword ?? 'SHIPPW01').padEnd(8),
	);
	if (variant.poType) records[options] = overwrite(records[options], 37, variant.poType);
	if (variant.dc) records[options] = overwrite(records[options], 40, variant.dc);
	if (variant.poaType) records[options] = overwrite(records[options], 44, variant.poaType);
	if (variant.shippingMethod) {
		records[options] = overwrite(records[options], 53, variant.shippingMethod.padEnd(25));
	}
	if (variant.items) {
		records[16] = overwrite(records[16], 52, variant.items[0].padEnd(20));
		records[18] = overwrite(records[18], 52, variant.items[1].padEnd(20));
	}
	if (variant.poNumber) {
		for (let index = 1; index < records.length - 1; index += 1) {
			records[index] = overwrite(records[index], 8, variant.poNumber.padEnd(22));
		}
	}
	return records.join('\r\n');
}

/** Cuts reply content into records: by CRLF/LF when it has them, else every `length` characters. */
export function recordsOf(content: string | Buffer, length: number): string[] {
	const text = content.toString();
	if (/[\r\n]/.test(text)) return text.replace(/\r?\n$/, '').split(/\r?\n/);
	const records: string[] = [];
	for (let start = 0; start < text.length; start += length)
		records.push(text.slice(start, start + length));
	return records;
}

/** Positions start..end (1-based, inclusive) of a record. */
export const at = (record: string, start: number, end: number) => record.slice(start - 1, end);
