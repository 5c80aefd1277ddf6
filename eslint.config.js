import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.data/', '.tools/', 'prisma/generated/', 'web/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Workflow code is replayed deterministically inside Temporal's sandbox: no I/O libraries.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'net', 'os', 'child_process'], message: 'Workflows must not import Node built-ins.' },
          { group: ['@prisma/*', '**/prisma/generated/**', 'nodemailer', 'express', 'pg'], message: 'Workflows reach I/O only through activities.' },
          { group: ['../activities/*', '../infra/*'], message: 'Use `import type` for activities; workflows never import infrastructure.', allowTypeImports: true },
        ],
      }],
    },
  },
  {
    // Pure rules: nothing from Temporal, Prisma, express or nodemailer.
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['@temporalio/*', '@prisma/*', 'nodemailer', 'express', 'pg', 'node:*'], message: 'domain/ is pure TypeScript.' }],
      }],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } } },
);
