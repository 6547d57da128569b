// The CLI validates these before loading the domain, so `--help` and typos stay fast.
// They mirror lists in src/domain/**; choices.test.ts fails if the two drift apart.

export const START_ROLES = ['web', 'worker', 'all'] as const;
export type StartRole = (typeof START_ROLES)[number];

export const USER_ROLES = ['owner', 'admin', 'technician'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const CMS_KINDS = ['wordpress', 'joomla', 'drupal', 'other'] as const;

export const LOCALES = ['en', 'es', 'fr', 'de'] as const;
