import { SEVERITIES } from '../../domain/sla/policy.ts';
import type { SlaPolicyView } from '../../domain/sla/policy-schemas.ts';
import type { FormInput } from './form.ts';
import { formatMinutes, percentBpInput } from './format.ts';

// The policy form's text fields ↔ policy input: durations typed as "4 h", percentages as "99.9".

export type Values = Record<string, string | undefined>;
export const METRICS = [
  { key: 'firstResponseMinutes', clock: 'firstResponseClock', label: 'First response' },
  { key: 'resolutionMinutes', clock: 'resolutionClock', label: 'Resolution' },
] as const;
export const severityField = (severity: string, key: string) => `${severity}_${key}`;
const minutesText = (m: number | null | undefined) => (m === undefined ? '' : m === null ? 'none' : formatMinutes(m));

/** A saved policy as the text the form shows; durations as "4 h", percentages as "99.9". */
export function policyFormValues(p: SlaPolicyView): Values {
  const values: Values = {
    name: p.name,
    description: p.description,
    calendarId: p.calendarId,
    firstResponseMinutes: p.firstResponseMinutes === null ? '' : formatMinutes(p.firstResponseMinutes),
    firstResponseClock: p.firstResponseClock,
    resolutionMinutes: p.resolutionMinutes === null ? '' : formatMinutes(p.resolutionMinutes),
    resolutionClock: p.resolutionClock,
    warnAtPercent: String(p.warnAtPercent),
    uptimeCommitment: percentBpInput(p.uptimeCommitmentBp),
    creditPerStep: percentBpInput(p.creditPerStepBp),
    creditStep: percentBpInput(p.creditStepBp),
    creditCap: percentBpInput(p.creditCapBp),
  };
  for (const s of SEVERITIES) {
    for (const { key } of METRICS) values[severityField(s, key)] = minutesText(p.severityTargets[s]?.[key]);
  }
  return values;
}

export const NEW_POLICY_VALUES: Values = {
  firstResponseClock: 'business',
  resolutionClock: 'business',
  warnAtPercent: '75',
  creditPerStep: '10',
  creditStep: '0.1',
  creditCap: '50',
};

/** "4 h", "1 h 30 min", "90 min", "90" (minutes) → minutes; empty → null. Unreadable text stays text, with an error. */
function readMinutes(form: FormInput, name: string): number | string | null {
  const text = form.text(name);
  if (text === '') return null;
  const m = /^(?:(\d{1,6})\s*h)?\s*(?:(\d{1,6})\s*(?:m|min)?)?$/i.exec(text);
  if (m && (m[1] || m[2])) return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  form.errors[name] = 'must be a duration such as "4 h", "30 min" or "1 h 30 min"';
  return text;
}

/** A percentage the rule needs ("10", "0.1") → basis points. */
function readPercentBp(form: FormInput, name: string): number | string | null {
  const bp = form.nullablePercentBp(name);
  if (bp === null) form.errors[name] = 'enter a percentage';
  return bp ?? '';
}

/** The posted form as policy input for createSlaPolicy / updateSlaPolicy. */
export function policyInputFromForm(form: FormInput) {
  const severityTargets: Record<string, Record<string, number | string | null>> = {};
  for (const s of SEVERITIES) {
    for (const { key } of METRICS) {
      const name = severityField(s, key);
      const text = form.text(name).toLowerCase();
      if (text === '') continue; // empty: the policy's own target applies
      severityTargets[s] = { ...severityTargets[s], [key]: text === 'none' ? null : readMinutes(form, name) };
    }
  }
  return {
    name: form.text('name'),
    description: form.text('description'),
    calendarId: form.text('calendarId'),
    firstResponseMinutes: readMinutes(form, 'firstResponseMinutes'),
    firstResponseClock: form.text('firstResponseClock'),
    resolutionMinutes: readMinutes(form, 'resolutionMinutes'),
    resolutionClock: form.text('resolutionClock'),
    severityTargets,
    warnAtPercent: form.int('warnAtPercent'),
    uptimeCommitmentBp: form.nullablePercentBp('uptimeCommitment'),
    creditPerStepBp: readPercentBp(form, 'creditPerStep'),
    creditStepBp: readPercentBp(form, 'creditStep'),
    creditCapBp: readPercentBp(form, 'creditCap'),
  };
}

/** Domain paths → the form fields that show their messages. */
export const POLICY_FIELD_NAMES: Record<string, string> = {
  uptimeCommitmentBp: 'uptimeCommitment',
  creditPerStepBp: 'creditPerStep',
  creditStepBp: 'creditStep',
  creditCapBp: 'creditCap',
  ...Object.fromEntries(
    SEVERITIES.flatMap((s) => METRICS.map(({ key }) => [`severityTargets.${s}.${key}`, severityField(s, key)])),
  ),
};
