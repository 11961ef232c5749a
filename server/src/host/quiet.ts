/**
 * Plans describe real children, so nothing a host prints may carry plan text. Libraries print
 * through Node's process warnings (the YAML library quotes the key it stringifies), and error
 * messages can quote input. These helpers keep the hosts (CLI, its workers, the language server)
 * to what is safe: a warning's name and code, an error's type and where it was thrown.
 */

/** Replace Node's default warning printer with one that never prints a warning's message. */
export function silenceLibraryWarnings(print: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): void {
  process.removeAllListeners('warning');
  const seen = new Set<string>();
  process.on('warning', (warning) => {
    const label = warning.name + ((warning as { code?: string }).code ? ` ${(warning as { code?: string }).code}` : '');
    // Deprecations and experimental features are for developers; a user gains nothing from them.
    if (warning.name === 'DeprecationWarning' || warning.name === 'ExperimentalWarning' || seen.has(label)) return;
    seen.add(label);
    print(`A library reported a ${label} (its text is not shown because it may quote the plan).`);
  });
}

/** An error described without its message: the type and the first frame of the project's code. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const frame = error.stack
    ?.split('\n')
    .slice(1)
    .map((l) => l.trim())
    .find((l) => l.startsWith('at '));
  const where = frame?.match(/\(?([^()\s]+:\d+:\d+)\)?$/)?.[1]?.replace(/^.*[\\/](dist|src)[\\/]/, '$1/');
  return where ? `${error.name} at ${where}` : error.name;
}
