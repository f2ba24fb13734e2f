// madge ships no types; this is the part of its API the layout test uses.
declare module 'madge' {
  /** The dependency graph of a folder. */
  interface MadgeResult {
    /** Every import circle, each as the files along it. */
    circular(): string[][];
    /** Each file and the files it imports. */
    obj(): Record<string, string[]>;
  }
  /** Builds the graph of the files under `path`. */
  function madge(path: string, config?: { fileExtensions?: string[] }): Promise<MadgeResult>;
  export default madge;
}
