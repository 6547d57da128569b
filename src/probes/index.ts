import { z } from 'zod';
import { runDnsProbe } from './dns.ts';
import { runHttpProbe } from './http.ts';
import { dnsProbeConfigSchema, httpProbeConfigSchema, tcpProbeConfigSchema, tlsProbeConfigSchema } from './schemas.ts';
import { runTcpProbe } from './tcp.ts';
import { runTlsProbe } from './tls.ts';
import type { ProbeDeps, ProbeResult } from './types.ts';

export * from './schemas.ts';
export type * from './types.ts';
export { runDnsProbe, runHttpProbe, runTcpProbe, runTlsProbe };

/** A check definition as stored on a monitor: the kind picks the probe and the shape of its config. */
export const probeSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('http'), config: httpProbeConfigSchema }),
  z.object({ kind: z.literal('tcp'), config: tcpProbeConfigSchema }),
  z.object({ kind: z.literal('dns'), config: dnsProbeConfigSchema }),
  z.object({ kind: z.literal('tls'), config: tlsProbeConfigSchema }),
]);

export type ProbeSpec = z.output<typeof probeSpecSchema>;
export type ProbeKind = ProbeSpec['kind'];

export function runProbe(spec: ProbeSpec, deps: ProbeDeps): Promise<ProbeResult> {
  switch (spec.kind) {
    case 'http':
      return runHttpProbe(spec.config, deps);
    case 'tcp':
      return runTcpProbe(spec.config, deps);
    case 'dns':
      return runDnsProbe(spec.config, deps);
    case 'tls':
      return runTlsProbe(spec.config, deps);
  }
}
