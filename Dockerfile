# syntax=docker/dockerfile:1
# Build stage: compile TypeScript with the dev dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-fund --no-audit
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY eval/*.ts ./eval/
COPY bench/ ./bench/
RUN npm run build

# Runtime stage: production dependencies only, non-root.
FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-fund --no-audit && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY app.yml ./
# The in-memory queue's journal (DATA_DIR): mount a volume here so accepted jobs survive restarts.
ENV DATA_DIR=/app/.patchwarden
RUN mkdir -p /app/.patchwarden && chown node:node /app/.patchwarden
VOLUME /app/.patchwarden
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The App (webhooks + in-process workers). For scale-out workers: `node bin/patchwarden.js worker`.
CMD ["node", "dist/src/app/main.js"]
