# syntax=docker/dockerfile:1
# OpenPatrol: one image for `openpatrol serve`, `openpatrol worker` and `openpatrol migrate`.
# Build from the repository root: docker build -t openpatrol .
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
# better-sqlite3 compiles from source when no prebuilt binary can be fetched.
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Manifests first, so the dependency layer is reused until they change.
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/admin/package.json apps/admin/
COPY apps/field/package.json apps/field/
COPY packages/api-client/package.json packages/api-client/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
# The runtime needs the server's production dependencies only; the web apps ship as built files.
RUN npm ci --no-audit --no-fund --omit=dev --workspace apps/api --include-workspace-root=false

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=8080 \
    DATA_DIR=/var/lib/openpatrol
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/apps/api/package.json apps/api/
COPY --from=build /app/apps/api/bin apps/api/bin
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/admin/dist apps/admin/dist
COPY --from=build /app/apps/field/dist apps/field/dist
# The code stays root-owned and read-only to the server; only DATA_DIR is writable (SQLite, media).
RUN mkdir -p /var/lib/openpatrol/media && chown -R node:node /var/lib/openpatrol
USER node
VOLUME ["/var/lib/openpatrol"]
EXPOSE 8080
# Liveness only: a process waiting for its database is alive; orchestrators route traffic by
# /api/health/ready (see docs/deployment.md).
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/api/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node is PID 1 and handles SIGTERM itself: in-flight requests and jobs finish, then it exits.
ENTRYPOINT ["node", "apps/api/bin/openpatrol.js"]
CMD ["serve"]
