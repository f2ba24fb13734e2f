/**
 * Resolves on the first Ctrl-C (SIGINT) or SIGTERM, so long-running commands (listen, sandbox) can close their
 * servers and finish their output before exiting. Call `dispose` to stop listening.
 */
export function untilInterrupted(): { done: Promise<NodeJS.Signals>; dispose: () => void } {
  let dispose = () => {};
  const done = new Promise<NodeJS.Signals>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => resolve(signal);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    dispose = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    };
  });
  return { done, dispose };
}
