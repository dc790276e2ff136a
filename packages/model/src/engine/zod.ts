// zod, configured once for every schema of the model: validation without generated code.
// zod's fast path compiles parsers with `new Function`, and its probe for that is reported by a
// strict Content-Security-Policy (the web app's: no 'unsafe-eval') as a violation on every page
// and worker load. Scenarios are validated once per run, so the interpreted path costs nothing
// that matters. Every model file that builds a schema imports z from here, so the setting is in
// place before the first schema exists.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
