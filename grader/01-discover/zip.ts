/**
 * Placeholder until archive support lands: every zip is refused with a
 * clear, typed error so the rest of the class is still graded.
 */
import { GraderError } from '../errors.ts';

export async function extractZip(file: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  throw new GraderError('E_ZIP', `cannot open ${file}: zip archives are not supported yet`);
}
