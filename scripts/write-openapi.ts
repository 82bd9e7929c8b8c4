import fs from 'node:fs';
import { generateOpenApi } from '../src/server/openapi';

// `npm run openapi`: regenerates docs/openapi.json from the route schemas.
fs.writeFileSync('docs/openapi.json', await generateOpenApi());
console.log('docs/openapi.json written');
