import type { DefaultPolicyIds } from '../sla/seed-sla.ts';
import type { PlanTerms } from './schemas.ts';

const noFeatures = {
  monthlyReport: true,
  statusPage: false,
  clientPortal: false,
  sslMonitoring: false,
  performanceMonitoring: false,
  quarterlyReview: false,
  hidePoweredBy: false,
};

/** The three tiers from the product brief, priced mid-range; annual = 12 months less 10 %. */
export function defaultCatalogue(
  currency: string,
  sla: DefaultPolicyIds | null = null,
): Array<{ code: string; terms: PlanTerms }> {
  const common = { pricingModel: 'flat' as const, hourlyRateMinor: null, currency, cancellationNoticeDays: 30 };
  return [
    {
      code: 'basic',
      terms: {
        ...common,
        name: 'Basic',
        description: 'Uptime checks every 3 minutes, e-mail alerts and a monthly uptime report.',
        checkIntervalS: 180,
        alertChannels: ['email'],
        features: { ...noFeatures },
        supportMinutesPerMonth: 60,
        slaPolicyId: sla?.basic ?? null,
        monthlyPriceMinor: 15_000,
        annualPriceMinor: 162_000,
      },
    },
    {
      code: 'standard',
      terms: {
        ...common,
        name: 'Standard',
        description:
          'Checks every minute, e-mail, webhook and Slack alerts, a branded status page and the client portal.',
        checkIntervalS: 60,
        alertChannels: ['email', 'webhook', 'slack'],
        features: { ...noFeatures, statusPage: true, clientPortal: true },
        supportMinutesPerMonth: 180,
        slaPolicyId: sla?.standard ?? null,
        monthlyPriceMinor: 30_000,
        annualPriceMinor: 324_000,
      },
    },
    {
      code: 'premium',
      terms: {
        ...common,
        name: 'Premium',
        description:
          'Checks every 30 seconds, every alert channel, SSL and performance monitoring, a quarterly review and a 99.9 % uptime commitment.',
        checkIntervalS: 30,
        alertChannels: ['email', 'webhook', 'slack'],
        features: {
          ...noFeatures,
          statusPage: true,
          clientPortal: true,
          sslMonitoring: true,
          performanceMonitoring: true,
          quarterlyReview: true,
          hidePoweredBy: true,
        },
        supportMinutesPerMonth: 480,
        slaPolicyId: sla?.premium ?? null,
        monthlyPriceMinor: 60_000,
        annualPriceMinor: 648_000,
      },
    },
  ];
}
