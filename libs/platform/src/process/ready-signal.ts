/**
 * Tells the process that started this one (scripts/start.js, over the IPC channel
 * it opens) that start-up is over, so it can print its banner last: with LOG_LEVEL
 * at `warn` no log line says so. Started any other way (no channel), it does nothing.
 */
export function signalReady(): void {
  if (!process.send) return;
  // The channel is closed once the message is out: it must not keep the process alive.
  process.send({ regula: 'ready' }, () => process.disconnect?.());
}
