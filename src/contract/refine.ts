// A domain rule as a zod refinement: the rule's message becomes the issue's code and parameters,
// which the server answers as they are (route-kit reads `params.code` of a custom issue).
import type { z } from 'zod';
import type { Message } from '../domain/message';

/**
 * Adds the domain rule `check` to a schema: when it answers a message, the value is refused with
 * that message (at `path` below the value, if given).
 * @example withRule(z.string(), checkUsername)
 */
export function withRule<S extends z.ZodType>(
  schema: S,
  check: (value: z.output<S>) => { path?: string[]; reason: Message } | Message | null,
): S {
  return schema.superRefine((value, ctx) => {
    const found = check(value);
    if (found === null) return;
    const { path, reason } = 'reason' in found ? found : { path: undefined, reason: found };
    ctx.addIssue({
      code: 'custom',
      message: reason.code,
      params: { code: reason.code, values: reason.params ?? {} },
      ...(path ? { path } : {}),
    });
  }) as S;
}
