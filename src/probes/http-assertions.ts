import { truncateMessage } from './error-class.ts';
import type { HopResponse } from './http-hop.ts';
import { type HttpProbePlan, statusIsExpected } from './http-plan.ts';
import { readJsonPath } from './json-path.ts';
import type { CheckOutcome, ErrorClass } from './types.ts';

export type Verdict = { outcome: CheckOutcome; errorClass: ErrorClass | null; message: string | null };

const UP: Verdict = { outcome: 'up', errorClass: null, message: null };

function down(errorClass: ErrorClass, message: string): Verdict {
  return { outcome: 'down', errorClass, message: truncateMessage(message) };
}

/** Judges a final response: status first, then content, then speed (a slow but wrong page is down, not degraded). */
export function judgeHttpResponse(plan: HttpProbePlan, response: HopResponse, totalMs: number): Verdict {
  const { config } = plan;
  if (!statusIsExpected(plan, response.statusCode)) {
    return down('status', `HTTP ${response.statusCode}, expected ${config.expectedStatus.join(', ')}`);
  }
  const contentVerdict = judgeContent(plan, response);
  if (contentVerdict) return contentVerdict;
  if (config.maxResponseMs !== undefined && totalMs > config.maxResponseMs) {
    return {
      outcome: 'degraded',
      errorClass: 'too_slow',
      message: `took ${Math.round(totalMs)} ms, limit ${config.maxResponseMs} ms`,
    };
  }
  return UP;
}

function judgeContent(plan: HttpProbePlan, response: HopResponse): Verdict | null {
  const { keyword, jsonPath } = plan.config;
  if (!plan.captureBody) return null;
  const text = response.body ? response.body.toString('utf8') : '';
  const scope = response.bodyTruncated ? ' in the first 1 MiB' : '';
  if (keyword) {
    const found = text.includes(keyword.text);
    if (keyword.mode === 'present' && !found)
      return down('keyword', `keyword ${quote(keyword.text)} not found${scope}`);
    if (keyword.mode === 'absent' && found) return down('keyword', `keyword ${quote(keyword.text)} found`);
  }
  if (jsonPath && plan.jsonPath) {
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      return down('keyword', `response is not valid JSON${response.bodyTruncated ? ' (larger than 1 MiB)' : ''}`);
    }
    const lookup = readJsonPath(document, plan.jsonPath);
    if (!lookup.found) return down('keyword', `${jsonPath.path} not found`);
    if (lookup.value !== jsonPath.equals) {
      return down('keyword', `${jsonPath.path} is ${quote(lookup.value)}, expected ${quote(jsonPath.equals)}`);
    }
  }
  return null;
}

function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
