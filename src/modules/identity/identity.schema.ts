import { z } from 'zod';

export const loginBody = z
  .object({
    email: z.string().trim().min(1).max(254).describe('The email address you were invited with.'),
    password: z.string().min(1).max(256).describe('Your password.'),
  })
  .strict();

export const resetRequestBody = z
  .object({
    email: z.string().trim().min(1).max(254).describe('The email address of your OpenPARS account.'),
  })
  .strict();

export const newPasswordField = z
  .string()
  .max(256)
  .describe('At least 12 characters; not a common password and not containing your email address.');

export const resetCompleteBody = z
  .object({
    token: z.string().min(1).max(200).describe('The token from the reset link.'),
    password: newPasswordField,
  })
  .strict();

export const acceptInvitationBody = z
  .object({
    token: z.string().min(1).max(200).describe('The token from the invitation link.'),
    password: newPasswordField,
    acceptTerms: z.boolean().describe('You accept the OpenPARS terms of use.'),
  })
  .strict();

export const switchOrganizationBody = z
  .object({ organizationId: z.number().int().positive().describe('The organisation to act for.') })
  .strict();

export const createApiKeyBody = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .describe('A name that says which system uses the key, e.g. "LMS nightly export".'),
  })
  .strict();
