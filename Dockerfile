# One image for the three apps; docker-compose.yml picks the app with `npm run start:<app>`.
# The apps run TypeScript through @swc-node/register, so the dev dependencies are part of the runtime.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY libs ./libs
COPY apps ./apps
# Set after `npm ci` on purpose: with NODE_ENV=production npm would skip the dev dependencies the apps run with.
ENV NODE_ENV=production
USER node
CMD ["npm", "run", "--silent", "start:gateway"]
