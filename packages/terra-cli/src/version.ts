/** The CLI's version, printed by `terra --version` (kept equal to package.json by the release). */
export const CLI_VERSION = '0.1.0';
