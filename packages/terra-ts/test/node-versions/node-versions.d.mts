/** The exact supported Node versions of the test matrix. */
export declare const nodeVersions: string[];
/** Node versions installed and tested as unsupported (18). */
export declare const unsupportedNodeVersions: string[];
/** Every version the tests install. */
export declare const installedNodeVersions: string[];
/** The workspace root. */
export declare const repoRoot: string;
/** Where the matrix binaries are installed. */
export declare const cacheRoot: string;
/** The npm package that ships this platform's Node binary. */
export declare const binaryPackage: string;
/** The major of a `x.y.z` version. */
export declare function majorOf(version: string): number;
/** Where the binary for `version` is, and whether it is there. */
export declare function binaryFor(version: string): { path: string; installed: boolean; version: string };
