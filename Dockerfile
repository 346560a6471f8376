# syntax=docker/dockerfile:1
# danchu for production (README, "Docker"): a build stage with the dev dependencies, then a slim
# runtime with the production dependencies and the build only, run as the unprivileged `node`
# user. Not built in CI (no container engine there); see compose.yaml for PostgreSQL.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No install script is needed: esbuild, rolldown, argon2 and canvas ship binaries as packages
# (STACK.md §7), as on the developers' npm, which blocks them.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json vite.config.ts ./
COPY scripts ./scripts
COPY src ./src
COPY migrations ./migrations
RUN node scripts/build.mjs \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/migrations ./migrations
COPY assets ./assets
COPY examples ./examples
COPY bin ./bin
# /data: the PGlite folder when DATABASE_URL is unset, and the identity key file
# (DANCHU_IDENTITY_KEY_FILE) unless DANCHU_IDENTITY_KEY is given.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node is PID 1 and handles SIGTERM itself (server.ts): `docker stop` closes the app cleanly.
STOPSIGNAL SIGTERM
CMD ["node", "--enable-source-maps", "dist/server/cli.js", "start"]
