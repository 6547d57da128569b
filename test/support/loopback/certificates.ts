import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type IssuedCertificate = { keyPem: string; certPem: string };

export type IssueOptions = {
  commonName: string;
  /** subjectAltName entries, e.g. ['DNS:localhost', 'IP:127.0.0.1']. */
  altNames: string[];
  notBefore: Date;
  notAfter: Date;
};

export type TestCa = {
  caPem: string;
  issue(options: IssueOptions): Promise<IssuedCertificate>;
  dispose(): Promise<void>;
};

const DAY_MS = 86_400_000;

/** openssl's GeneralizedTime: 20260302090000Z. */
function asn1Time(date: Date): string {
  return `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

/**
 * A throwaway certificate authority made with the `openssl` CLI in a temp directory. Leaf certificates
 * get exact validity dates (`openssl ca -startdate/-enddate`), so tests can have one that expires in
 * five days or one that expired last month.
 */
export async function createTestCa(): Promise<TestCa> {
  const dir = await mkdtemp(join(tmpdir(), 'steward-ca-'));
  const caKey = join(dir, 'ca.key');
  const caCert = join(dir, 'ca.pem');
  const config = join(dir, 'ca.cnf');
  await writeFile(join(dir, 'index.txt'), '');
  await writeFile(
    config,
    [
      '[ca]',
      'default_ca = test_ca',
      '[test_ca]',
      `database = ${join(dir, 'index.txt')}`,
      `new_certs_dir = ${dir}`,
      'rand_serial = yes',
      'default_md = sha256',
      'policy = any_name',
      'copy_extensions = copy',
      'unique_subject = no',
      '[any_name]',
      'commonName = supplied',
      '',
    ].join('\n'),
  );
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  const caSubject = ['-subj', '/CN=Steward Test CA', '-days', '3650'];
  await run('openssl', ['req', '-x509', ...ecKey, '-keyout', caKey, '-out', caCert, ...caSubject]);
  const caPem = await readFile(caCert, 'utf8');
  let serial = 0;
  // `openssl ca` rewrites its index file, so issuing runs one at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const issueOne = async (options: IssueOptions): Promise<IssuedCertificate> => {
    serial += 1;
    const [key, csr, cert] = ['key', 'csr', 'pem'].map((ext) => join(dir, `leaf-${serial}.${ext}`)) as [
      string,
      string,
      string,
    ];
    const subject = ['-subj', `/CN=${options.commonName}`, '-addext', `subjectAltName=${options.altNames.join(',')}`];
    await run('openssl', ['req', '-new', ...ecKey, '-keyout', key, '-out', csr, ...subject]);
    const signer = ['-config', config, '-cert', caCert, '-keyfile', caKey];
    const dates = ['-startdate', asn1Time(options.notBefore), '-enddate', asn1Time(options.notAfter)];
    await run('openssl', ['ca', '-batch', '-notext', ...signer, '-in', csr, '-out', cert, ...dates]);
    return { keyPem: await readFile(key, 'utf8'), certPem: await readFile(cert, 'utf8') };
  };
  return {
    caPem,
    issue(options) {
      const issued = queue.then(() => issueOne(options));
      queue = issued.catch(() => {});
      return issued;
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Validity from one day ago until `days` from `fromMs`. */
export function validFor(days: number, fromMs = Date.now()): Pick<IssueOptions, 'notBefore' | 'notAfter'> {
  return { notBefore: new Date(fromMs - DAY_MS), notAfter: new Date(fromMs + days * DAY_MS) };
}
