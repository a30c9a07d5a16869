/** The package version the CLI prints (`ze-nlri --version`); test/cli/options.test.ts keeps it equal to package.json's. */
export const VERSION = '0.1.0';
