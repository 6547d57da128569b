import { createSocket, type RemoteInfo } from 'node:dgram';
import { isIPv4, isIPv6 } from 'node:net';

export type ZoneRecords = {
  A?: string[];
  AAAA?: string[];
  TXT?: string[];
  CNAME?: string;
  MX?: { priority: number; exchange: string }[];
  NS?: string[];
};

export type LoopbackDnsServer = {
  /** "127.0.0.1:<port>", ready for a DNS probe's `resolver`. */
  address: string;
  port: number;
  /** Names asked for so far (lower case), for asserting that queries really reached this server. */
  queries: string[];
  close(): Promise<void>;
};

const TYPE_CODES = { A: 1, NS: 2, CNAME: 5, MX: 15, TXT: 16, AAAA: 28 } as const;
type RecordType = keyof typeof TYPE_CODES;
const TYPE_NAMES = new Map<number, RecordType>(
  Object.entries(TYPE_CODES).map(([name, code]) => [code, name as RecordType]),
);
const RCODE_NXDOMAIN = 3;
const RCODE_FORMERR = 1;
const TTL_S = 60;

/**
 * A tiny authoritative DNS server over UDP on 127.0.0.1: answers A, AAAA, TXT, CNAME, MX and NS for the
 * names in `zone`, follows a CNAME to its target's records, NXDOMAIN for unknown names, and stays silent
 * for `silentNames` (to provoke timeouts). Hand-written RFC 1035 encoding; no compression except the
 * pointer to the question name.
 */
export async function startDnsServer(
  zone: Record<string, ZoneRecords>,
  options: { silentNames?: string[] } = {},
): Promise<LoopbackDnsServer> {
  const records = new Map(Object.entries(zone).map(([name, value]) => [normalize(name), value]));
  const silent = new Set((options.silentNames ?? []).map(normalize));
  const queries: string[] = [];
  const socket = createSocket('udp4');
  socket.on('message', (message: Buffer, remote: RemoteInfo) => {
    const question = parseQuestion(message);
    if (!question)
      return socket.send(header(message.readUInt16BE(0), RCODE_FORMERR, 0, 0), remote.port, remote.address);
    queries.push(question.name);
    if (silent.has(question.name)) return;
    socket.send(answer(message, question, records), remote.port, remote.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  return {
    address: `127.0.0.1:${port}`,
    port,
    queries,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

type Question = { name: string; type: number; end: number };

function normalize(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

function parseQuestion(message: Buffer): Question | null {
  if (message.length < 12 || message.readUInt16BE(4) < 1) return null;
  const labels: string[] = [];
  let offset = 12;
  while (offset < message.length) {
    const length = message[offset]!;
    offset += 1;
    if (length === 0) {
      if (offset + 4 > message.length) return null;
      return { name: normalize(labels.join('.')), type: message.readUInt16BE(offset), end: offset + 4 };
    }
    if (length > 63 || offset + length > message.length) return null;
    labels.push(message.toString('latin1', offset, offset + length));
    offset += length;
  }
  return null;
}

function header(id: number, rcode: number, questions: number, answers: number): Buffer {
  const buffer = Buffer.alloc(12);
  buffer.writeUInt16BE(id, 0);
  buffer.writeUInt16BE(0x8500 | rcode, 2); // QR, AA, RD; RA off: authoritative only.
  buffer.writeUInt16BE(questions, 4);
  buffer.writeUInt16BE(answers, 6);
  return buffer;
}

function answer(query: Buffer, question: Question, zone: Map<string, ZoneRecords>): Buffer {
  const id = query.readUInt16BE(0);
  const questionBytes = query.subarray(12, question.end);
  let owner = question.name;
  let records = zone.get(owner);
  if (!records) return Buffer.concat([header(id, RCODE_NXDOMAIN, 1, 0), questionBytes]);
  const type = TYPE_NAMES.get(question.type);
  const answers: Buffer[] = [];
  // A CNAME answers any other type with itself plus its target's records, as resolvers expect.
  if (records.CNAME && type !== 'CNAME') {
    answers.push(resourceRecord(owner, 'CNAME', encodeName(records.CNAME)));
    owner = normalize(records.CNAME);
    records = zone.get(owner) ?? {};
  }
  if (type) answers.push(...recordsOfType(owner, type, records));
  return Buffer.concat([header(id, 0, 1, answers.length), questionBytes, ...answers]);
}

function recordsOfType(owner: string, type: RecordType, records: ZoneRecords): Buffer[] {
  switch (type) {
    case 'A':
      return (records.A ?? []).map((ip) => resourceRecord(owner, type, encodeIpv4(ip)));
    case 'AAAA':
      return (records.AAAA ?? []).map((ip) => resourceRecord(owner, type, encodeIpv6(ip)));
    case 'TXT':
      return (records.TXT ?? []).map((text) => resourceRecord(owner, type, encodeText(text)));
    case 'CNAME':
      return records.CNAME ? [resourceRecord(owner, type, encodeName(records.CNAME))] : [];
    case 'NS':
      return (records.NS ?? []).map((name) => resourceRecord(owner, type, encodeName(name)));
    case 'MX':
      return (records.MX ?? []).map((mx) => {
        const priority = Buffer.alloc(2);
        priority.writeUInt16BE(mx.priority);
        return resourceRecord(owner, type, Buffer.concat([priority, encodeName(mx.exchange)]));
      });
  }
}

function resourceRecord(owner: string, type: RecordType, data: Buffer): Buffer {
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(TYPE_CODES[type], 0);
  fixed.writeUInt16BE(1, 2); // class IN
  fixed.writeUInt32BE(TTL_S, 4);
  fixed.writeUInt16BE(data.length, 8);
  return Buffer.concat([encodeName(owner), fixed, data]);
}

function encodeName(name: string): Buffer {
  const labels = normalize(name).split('.').filter(Boolean);
  return Buffer.concat([
    ...labels.map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label)])),
    Buffer.from([0]),
  ]);
}

function encodeIpv4(ip: string): Buffer {
  if (!isIPv4(ip)) throw new Error(`not an IPv4 address: ${ip}`);
  return Buffer.from(ip.split('.').map(Number));
}

function encodeIpv6(ip: string): Buffer {
  if (!isIPv6(ip)) throw new Error(`not an IPv6 address: ${ip}`);
  const [head = '', tail = ''] = ip.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = ip.includes('::') && tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(ip.includes('::') ? missing : 0).fill('0'), ...tailGroups];
  const buffer = Buffer.alloc(16);
  for (const [index, group] of groups.entries()) buffer.writeUInt16BE(Number.parseInt(group, 16), index * 2);
  return buffer;
}

/** TXT data is a sequence of strings of at most 255 bytes each. */
function encodeText(text: string): Buffer {
  const bytes = Buffer.from(text);
  const parts: Buffer[] = [];
  for (let offset = 0; offset === 0 || offset < bytes.length; offset += 255) {
    const chunk = bytes.subarray(offset, offset + 255);
    parts.push(Buffer.from([chunk.length]), chunk);
  }
  return Buffer.concat(parts);
}
