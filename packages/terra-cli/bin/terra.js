#!/usr/bin/env node
// The `terra` command. A committed launcher, so npm links the command at install time, before the build
// has produced dist/ (a workspace install links bins only to files that exist).
import('../dist/bin.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/bin.js')) {
    console.error('terra is not built yet: run `npm run build` in the repository first.');
    process.exit(1);
  }
  throw error;
});
