/** `ehcp check --changed-since <rev>`: the plans added, changed or renamed since a revision, by git. */
import * as path from 'node:path';
import { changedPlans, GitError, mergeBase, repoRoot, resolveCommit } from '../review/git';
import { InputError } from './args';
import { displayPath, type PlanFile } from './files';

/**
 * Plans under `patterns` that differ from `rev` in the working tree, counted from where the
 * current branch forked from `rev` (so commits made on `rev` since then do not count).
 */
export function changedSince(rev: string, patterns: readonly string[], cwd: string): PlanFile[] {
  try {
    const root = repoRoot(cwd);
    const commit = resolveCommit(rev, cwd);
    let from = commit;
    try {
      from = mergeBase(commit, resolveCommit('HEAD', cwd), cwd) ?? commit;
    } catch {
      // No HEAD yet (a repository with no commits): compare with the revision itself.
    }
    const changed = changedPlans({ from }, patterns, cwd);
    return changed
      .filter((c) => c.newPath !== undefined)
      .map((c) => {
        const abs = path.join(root, c.newPath!);
        return { abs, display: displayPath(abs, cwd) };
      })
      .sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  } catch (error) {
    if (error instanceof GitError) throw new InputError(`--changed-since: ${error.message}`);
    throw error;
  }
}
