import { binaryFor, majorOf, nodeVersions } from '../node-versions.mjs';

/** A Node of the matrix other than the one running Vitest (which runs the whole suite itself). */
export interface MatrixNode {
  version: string;
  major: number;
  /** Its `bin/node`. */
  path: string;
}

/** The running Node's major. */
export const runningMajor = majorOf(process.versions.node);

/** Every version of the matrix except the running Node's major, with where its binary is. */
export const otherNodes: MatrixNode[] = nodeVersions
  .filter((version) => majorOf(version) !== runningMajor)
  .map((version) => ({ version, major: majorOf(version), path: binaryFor(version).path }));

/**
 * Throws a clear error when a matrix binary is not installed: the matrix is part of the suite, so a
 * missing Node is a failure with the command that fixes it, never a silent skip.
 */
export function assertInstalled(node: MatrixNode): void {
  if (!binaryFor(node.version).installed) {
    throw new Error(
      `Node ${node.version} is not installed at ${node.path}. Run \`npm run node-versions\` ` +
        '(it installs the matrix from the npm registry; `npm test` runs it first).',
    );
  }
}
