import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { API_TYPES_PATH, renderApiTypes } from './api-types';

it('the console’s API types are those of the OpenAPI document as it is (run `npm run api:types` after changing a schema)', async () => {
  expect(readFileSync(API_TYPES_PATH, 'utf8')).toBe(await renderApiTypes());
});
