import { describe, expect, it } from 'vitest';
import { LOCALES as domainLocales } from '../domain/shared/validation.ts';
import { CMS_KINDS as domainCmsKinds } from '../domain/sites/sites.ts';
import { ROLES as domainRoles } from '../domain/users/schemas.ts';
import { CMS_KINDS, LOCALES, USER_ROLES } from './choices.ts';

describe('CLI choices', () => {
  it('offer exactly what the domain accepts', () => {
    expect([...CMS_KINDS]).toEqual([...domainCmsKinds]);
    expect([...LOCALES]).toEqual([...domainLocales]);
    expect([...USER_ROLES]).toEqual([...domainRoles]);
  });
});
