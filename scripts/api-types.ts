// `npm run api:types`: writes web/src/api-types.ts from the OpenAPI document.
import { writeFileSync } from 'node:fs';
import { API_TYPES_PATH, renderApiTypes } from './lib/api-types';

writeFileSync(API_TYPES_PATH, await renderApiTypes());
console.log(`${API_TYPES_PATH} written`);
