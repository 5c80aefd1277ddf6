// Prisma 6.19 with a driver adapter and the bundled wasm schema engine: no engine binary download.
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

// generate needs a resolvable URL but never connects; migrate uses the real one.
process.env.DATABASE_URL ??= 'postgresql://localhost:5432/unused';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL });
  },
});
