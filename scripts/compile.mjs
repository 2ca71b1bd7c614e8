// `npm run compile`: the toolkit bundled into lib/js/ (rolldown.config.mjs), then the shipped
// schemas' validators precompiled beside it. Type checking is `npm run typecheck` (and `npm test`).
import { build } from 'rolldown';
import config from '../rolldown.config.mjs';

await build(config);
const { writePrecompiledValidators } = await import('../lib/js/precompile.js');
await writePrecompiledValidators();
