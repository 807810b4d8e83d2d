# The API image for docker-compose.yml; it talks to the neo4j service (NEO4J_URI), so it needs no Java.
FROM node:20-bookworm-slim
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && npm prune --omit=dev
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
EXPOSE 4000
CMD ["node", "dist/server/main.js"]
