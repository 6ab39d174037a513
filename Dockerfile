# One image for the three services and the web app (server + built SPA); docker-compose picks the entry point.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# patches/: fixes applied to dependencies by patch-package in the postinstall script
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
COPY tools ./tools
RUN npm run build && npm prune --omit=dev --ignore-scripts

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
CMD ["node", "dist/apps/intake/src/main.js"]
