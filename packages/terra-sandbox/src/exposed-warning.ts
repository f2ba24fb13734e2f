/** The warning printed on stderr when the sandbox listens on anything but a loopback address. */
export function exposedWarning(host: string, port: number): string {
  const line = '!'.repeat(78);
  return [
    line,
    `!! WARNING: terra-sandbox is listening on ${host}:${port}, which is NOT a loopback address.`,
    '!! Anyone who can reach this machine on that port can call the API and the control API with the',
    '!! sandbox credentials, read every delivery, and point webhooks at any URL. It is a test server',
    '!! with published default credentials: bind to 127.0.0.1 (the default) unless you mean it.',
    line,
    '',
  ].join('\n');
}
