// Imported first by main.tsx, before any schema is used: zod would probe for eval (new Function) on
// its first parse; the CSP forbids eval, and the browser reports even a caught probe as a
// `securitypolicyviolation`. Parsing without the JIT costs nothing measurable at our sizes.
import { z } from 'zod';

z.config({ jitless: true });
