#!/usr/bin/env node
// The `tradecraft` command: the bundled CLI does the work (see server/src/cli/main.ts).
import '../dist/cli.js';
