# One image for every Regula process (api, worker, the one-shot migrate); the
# command chooses which. Used by docker-compose.yml.
FROM node:20-bookworm-slim

ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

WORKDIR /app
RUN chown node:node /app
USER node
# Mount point of the audit checkpoints volume, owned by node so a new volume is too.
RUN mkdir -p .data/audit-checkpoints

# Dependencies first, so they are cached while only the sources change.
# `npm install` with the committed lockfile (`npm ci` fails against this registry).
COPY --chown=node:node package.json package-lock.json ./
RUN npm install

COPY --chown=node:node . .
RUN npm run build

ENV HOST=0.0.0.0 \
    PORT=3000
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
