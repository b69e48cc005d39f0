// Validation of `cdt assess` input (and of any assessment that crosses a trust boundary).
// Messages say where and what was expected, for facilitators who write the JSON by hand:
//   dimensions.scope: expected an integer from 0 to 4, got 7

import { z } from 'zod';
import { parseWith, type ParseResult } from '../validation';
import {
  ACTOR_TYPES,
  CONFIDENCE_LEVELS,
  DIMENSION_IDS,
  RATING_VALUES,
  TARGET_KINDS,
  inWords,
  type DimensionId,
} from './catalogue';
import type { AssessmentInput } from './proportionality';

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

const quoted = (values: readonly string[]): string => values.map((v) => JSON.stringify(v)).join(', ');

const expected =
  (what: string) =>
  (issue: { readonly input?: unknown }): string =>
    `expected ${what}, got ${show(issue.input)}`;

// Objects are strict: a misspelt field ("scop") is an error, not silently ignored.
const objectError =
  (what: string) =>
  (issue: { readonly code?: string; readonly input?: unknown; readonly keys?: readonly string[] }): string =>
    issue.code === 'unrecognized_keys'
      ? `unknown field${(issue.keys?.length ?? 0) > 1 ? 's' : ''} ${quoted(issue.keys ?? [])}`
      : expected(what)(issue);

const rating = z.literal(RATING_VALUES, { error: expected('an integer from 0 to 4') });

const ratingsShape = Object.fromEntries(DIMENSION_IDS.map((id) => [id, rating])) as {
  readonly [D in DimensionId]: typeof rating;
};

const ratings = z.strictObject(ratingsShape, {
  error: objectError(`an object with the ${inWords(DIMENSION_IDS.length)} ratings (${DIMENSION_IDS.join(', ')})`),
});

const attributed = z.strictObject(
  {
    status: z.literal('attributed'),
    actorType: z.enum(ACTOR_TYPES, { error: expected(`one of ${quoted(ACTOR_TYPES)}`) }).optional(),
    actorNamed: z.boolean({ error: expected('true or false') }).optional(),
    confidence: z.enum(CONFIDENCE_LEVELS, { error: expected(`one of ${quoted(CONFIDENCE_LEVELS)}`) }).optional(),
  },
  { error: objectError('an object') },
);

const skipped = z.strictObject({ status: z.literal('skipped') }, { error: objectError('an object') });

// The union reports the whole object; the reader wants the status that did not match.
function statusOf(input: unknown): unknown {
  return typeof input === 'object' && input !== null && 'status' in input ? input.status : undefined;
}

const attribution = z.discriminatedUnion('status', [attributed, skipped], {
  error: (issue) =>
    issue.code === 'invalid_union'
      ? `expected "attributed" or "skipped", got ${show(statusOf(issue.input))}`
      : expected('an object with a status')(issue),
});

export const assessmentInputSchema: z.ZodType<AssessmentInput, unknown> = z.strictObject(
  {
    dimensions: ratings,
    attribution,
    attempt: z
      .strictObject({ potential: ratings }, { error: objectError('an object with the potential ratings') })
      .optional(),
    external: z.boolean({ error: expected('true or false') }).optional(),
    actorsIdentified: z.boolean({ error: expected('true or false') }).optional(),
    targets: z
      .array(z.enum(TARGET_KINDS, { error: expected(`one of ${quoted(TARGET_KINDS)}`) }), {
        error: expected('a list of target kinds'),
      })
      .optional(),
  },
  { error: objectError('an assessment object') },
);

/** Validates an assessment; errors are `<path>: <problem>` lines. */
export function parseAssessmentInput(value: unknown): ParseResult<AssessmentInput> {
  return parseWith(assessmentInputSchema, value);
}
