#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm install` through the prepare script).
"use strict";
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const entry = join(__dirname, "..", "dist", "cli", "main.js");
if (!existsSync(entry)) {
  console.error("policygraph: not built yet; run `npm install` (or `npm run build`) in the project folder");
  process.exit(2);
}
require(entry);
