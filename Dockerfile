# One image for the API, the worker and the migration job; the command picks the role.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production

# Dependencies first, so code changes do not reinstall them. postinstall applies patches/
# and generates the Prisma client, so it needs the schema and the Prisma config.
COPY package.json package-lock.json prisma.config.ts ./
COPY patches ./patches
COPY prisma/schema.prisma ./prisma/schema.prisma
RUN npm ci --omit=dev && npm cache clean --force

COPY . .
# The documents volume takes this folder's owner when first mounted.
RUN mkdir -p .data/documents && chown node:node .data/documents
USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "api/main.ts"]
