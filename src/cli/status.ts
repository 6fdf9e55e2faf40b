/** Prints the translation status report; gives the exit code. */
export async function runStatus(_contentDir: string, _strict: boolean): Promise<number> {
  // To do: the status report (issue 7).
  process.stderr.write('status: not written yet\n');
  return 0;
}
