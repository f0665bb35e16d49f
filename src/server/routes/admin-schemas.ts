// The wire formats of the admin routes (zod): accounts and settings.
import { z } from 'zod';

const county = z.string().regex(/^4507\d\d$/, 'a county is an adcode like 450721');

/** Where a planner works: all plans, the city-level plans, or the plans of some counties. */
const scope = z
  .object({
    level: z.enum(['all', 'city', 'county']),
    counties: z.array(county).max(10),
  })
  .strict()
  .refine((s) => (s.level === 'county') === s.counties.length > 0, {
    message: 'a county scope lists its counties; the others list none',
    path: ['counties'],
  });

const password = z
  .string()
  .min(10, 'a password has at least 10 characters')
  .max(200, 'a password has at most 200 characters');

/** `POST /api/users` */
export const createUserBody = z
  .object({
    username: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/, '2–40 letters, digits, ".", "_" or "-"'),
    name: z.string().trim().min(1, 'name is required').max(50),
    role: z.enum(['chief', 'planner', 'admin']),
    person: z.string().trim().min(1).max(50).optional(),
    scope: scope.optional(),
    canPublish: z.boolean().optional(),
    password,
  })
  .strict();

/** `PATCH /api/users/:id` */
export const patchUserBody = z
  .object({
    disabled: z.boolean().optional(),
    scope: scope.optional(),
    canPublish: z.boolean().optional(),
    password: password.optional(),
  })
  .strict();

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

/** `PUT /api/settings` (null clears a text setting) */
export const settingsBody = z
  .object({
    publicCoordinates: z.boolean().optional(),
    tiandituKey: z
      .string()
      .regex(/^[A-Za-z0-9]{8,64}$/, 'a Tianditu key is 8–64 letters and digits')
      .nullable()
      .optional(),
    noticeAuthority: optionalText(100),
    supervisionPhone: z
      .string()
      .regex(/^[0-9+()\- ]{3,30}$/, 'a phone number is 3–30 digits, spaces, +, - or ()')
      .nullable()
      .optional(),
  })
  .strict();

/** `GET /api/users`, `/api/settings`, `/api/rules` take no query. */
export const noQuery = z.object({}).strict();
