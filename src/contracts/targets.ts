/**
 * API contracts of the `targets` module (issue #13): the targets the leader's dashboard judges
 * its figures against, declared by the modules with defaults and set per year by the Office.
 */
import { z } from 'zod';

export const ZPillarTarget = z.object({
  key: z.string(),
  pillar: z.string(),
  label: z.object({ vi: z.string(), en: z.string() }),
  basis: z.string(),
  min: z.number(),
  max: z.number(),
  default: z.number(),
  /** The value that applies for the year: the Office's, else the default. */
  value: z.number(),
  /** Set by the Office for this year (false: the default applies). */
  set: z.boolean(),
  /** Version of the Office's value, for a stale-write check (0 when not set). */
  version: z.number(),
});
export type TPillarTarget = z.infer<typeof ZPillarTarget>;

export const ZTargetsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const ZTargetInput = z.object({
  year: z.number().int().min(2000).max(2100),
  key: z.string().min(1).max(80),
  /** null resets the year to the default. */
  value: z.number().nullable(),
  /** The version read (0 when the year had no value). */
  version: z.number().int().min(0),
});
export type TTargetInput = z.infer<typeof ZTargetInput>;
